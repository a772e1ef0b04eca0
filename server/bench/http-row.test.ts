import { describe, expect, test } from "vitest";
import type { LoadSpec, MeasuredLoad } from "./http/load-spec";
import type { ScenarioPair } from "./http/scenarios";
import { httpRow } from "./results";

function measured(throughput: number, p95: number, p99: number, serverCpu: number): MeasuredLoad {
  return {
    requests: 100,
    throughput,
    p50: p95 / 2,
    p95,
    p99,
    mean: p95 / 2,
    failures: 0,
    statuses: { "200": 100 },
    serverCpuMsPerRequest: serverCpu,
    databaseCpuMsPerRequest: 1.5,
  };
}

const spec: LoadSpec = {
  url: "http://127.0.0.1:1",
  connections: 2,
  warmupSeconds: 0,
  seconds: 1,
  method: "GET",
  paths: ["/"],
  cookies: [],
  body: { kind: "none" },
};

function pair(key: ScenarioPair["key"]): ScenarioPair {
  return { key, name: key, itemsPerRequest: 1, stack: spec, baseline: spec };
}

const POSTGRES_200 = { engine: "postgres", engineers: 200 } as const;

describe("issue 16's targets in the benchmark's rows", () => {
  // Each case: benchmark, setup, app (req/s, p95, p99), raw (req/s, p95, p99), the verdicts expected.
  test.each([
    ["teamReport", POSTGRES_200, [85, 40, 50], [100, 30, 40], ["met: p95 <= 40 ms", "met: ratio >= 0.85"]],
    ["teamReport", POSTGRES_200, [84, 41, 50], [100, 30, 40], ["MISSED: p95 <= 40 ms", "MISSED: ratio >= 0.85"]],
    [
      "teamReport",
      { engine: "postgres", engineers: 2000 },
      [20, 120, 150],
      [22, 100, 120],
      ["met: p95 <= 120 ms", "met: ratio >= 0.85"],
    ],
    ["orgSummary", POSTGRES_200, [10, 150, 200], [8, 200, 250], ["met: p95 <= 150 ms"]],
    ["orgSummary", { engine: "postgres", engineers: 2000 }, [1, 601, 700], [1, 700, 800], ["MISSED: p95 <= 600 ms"]],
    ["logEntry", POSTGRES_200, [800, 100, 200], [1000, 50, 100], ["met: ratio >= 0.8", "met: p99 <= 2x raw p99"]],
    ["logEntry", POSTGRES_200, [799, 100, 201], [1000, 50, 100], ["MISSED: ratio >= 0.8", "MISSED: p99 <= 2x raw p99"]],
    ["ingest", POSTGRES_200, [70, 100, 200], [100, 50, 100], ["met: ratio >= 0.7"]],
    ["ingest", { engine: "pglite", engineers: 200 }, [10, 100, 200], [100, 50, 100], ["MISSED (n/a): ratio >= 0.7"]],
  ] as const)("%s on %o: app %o against raw %o", (key, setup, app, raw, verdicts) => {
    const row = httpRow(pair(key), measured(app[0], app[1], app[2], 9), measured(raw[0], raw[1], raw[2], 0.4), setup);
    expect(row.targets.map((t) => `${t.met ? "met" : "MISSED"}${t.applies ? "" : " (n/a)"}: ${t.target}`)).toEqual(
      verdicts,
    );
  });

  test("a missed target that applies names its measured cause; a met or n/a one none", () => {
    const missed = httpRow(pair("logEntry"), measured(100, 400, 900, 8.1), measured(900, 50, 100, 0.3), POSTGRES_200);
    expect(missed.cause).toMatch(/8\.1 ms of its own CPU .* raw baseline 0\.3 \+ 1\.5/);
    const met = httpRow(pair("logEntry"), measured(900, 50, 100, 0.4), measured(900, 50, 100, 0.3), POSTGRES_200);
    expect(met.cause).toBeUndefined();
    const elsewhere = httpRow(pair("ingest"), measured(10, 100, 200, 9), measured(100, 50, 100, 0.4), {
      engine: "pglite",
      engineers: 200,
    });
    expect(elsewhere.cause).toBeUndefined();
  });
});
