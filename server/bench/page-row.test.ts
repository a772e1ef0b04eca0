import { describe, expect, test } from "vitest";
import type { MeasuredLoad } from "./http/load-spec";
import { PAGE_CASES } from "./http/page-bench";
import { PAGE_LIMIT_MS, pageRow } from "./results";

function measured(p50: number): MeasuredLoad {
  return {
    requests: 40,
    throughput: 1000 / p50,
    p50,
    p95: p50 * 2,
    p99: p50 * 3,
    mean: p50,
    failures: 0,
    statuses: { "200": 40 },
    serverCpuMsPerRequest: 12,
    databaseCpuMsPerRequest: null,
  };
}

describe("the page benchmark's rows", () => {
  const [home] = PAGE_CASES;
  if (!home) throw new Error("no pages to benchmark");

  test("a page is on target when half its requests take at most 50 ms", () => {
    expect(pageRow({ page: home, result: measured(PAGE_LIMIT_MS) }).targets).toEqual([
      { target: "p50 <= 50 ms", met: true, applies: true },
    ]);
    expect(pageRow({ page: home, result: measured(PAGE_LIMIT_MS + 0.1) }).targets[0]?.met).toBe(false);
  });

  test("the row names the page and who opened it, one connection, with the CPU per page", () => {
    const row = pageRow({ page: home, result: measured(30) });
    expect(row).toMatchObject({
      benchmark: "(g) page / (demo engineer, one at a time)",
      connections: 1,
      stack: { p50: 30, p95: 60, serverCpuMs: 12, databaseCpuMs: null, failures: 0 },
    });
  });

  test("the manager opens the team report; engineers every other page", () => {
    expect(PAGE_CASES.map((page) => `${page.path} ${page.as}`)).toEqual([
      "/ engineer",
      "/rotations engineer",
      "/reports manager",
      "/share engineer",
      "/week engineer",
    ]);
  });
});
