/**
 * The load generator, run as its own process (`node --import tsx server/bench/http/load-worker.ts SPEC_JSON`) so
 * that autocannon never shares the server's or the runner's event loop. Runs `seconds`, prints one JSON line.
 */
import autocannon, { type AutocannonRequest } from "autocannon";
import type { BodySpec, LoadResult, LoadSpec } from "./load-spec";
import { percentile } from "../percentile";

let sequence = 0;

function bodyOf(spec: BodySpec, n: number): string | undefined {
  switch (spec.kind) {
    case "none":
      return undefined;
    case "trpc-entry":
      return JSON.stringify({ json: { summary: `Bench entry ${n}`, duration: "15m", category: "toil" } });
    case "raw-entry":
      return JSON.stringify({ summary: `Bench entry ${n}`, minutes: 15, category: "toil" });
    case "alertmanager": {
      const startsAt = new Date(Date.now() - 60_000).toISOString();
      const alerts = Array.from({ length: spec.alerts }, (_, index) => ({
        status: "firing",
        labels: {
          alertname: "BenchAlert",
          service: `svc-${index % 5}`,
          severity: index === 0 ? "critical" : "warning",
          instance: `node-${index}`,
        },
        annotations: { summary: `Bench alert ${n}.${index}` },
        startsAt,
        endsAt: "0001-01-01T00:00:00Z",
        generatorURL: "http://prometheus.bench.example/graph",
        fingerprint: `${spec.runId}-${n}-${index}`,
      }));
      return JSON.stringify({
        receiver: "toilcap",
        status: "firing",
        alerts,
        groupLabels: { alertname: "BenchAlert" },
        commonLabels: {},
        commonAnnotations: {},
        externalURL: "http://alertmanager.bench.example",
        version: "4",
        groupKey: `{}:{bench="${spec.runId}-${n}"}`,
        truncatedAlerts: 0,
      });
    }
  }
}

function setup(spec: LoadSpec) {
  return (request: AutocannonRequest): AutocannonRequest => {
    const n = sequence++;
    const headers: Record<string, string> = { ...(request.headers ?? {}) };
    const cookie = spec.cookies[n % Math.max(1, spec.cookies.length)];
    if (cookie) headers.cookie = cookie;
    const body = bodyOf(spec.body, n);
    if (body !== undefined) headers["content-type"] = "application/json";
    return { ...request, method: spec.method, path: spec.paths[n % spec.paths.length] ?? "/", headers, body };
  };
}

async function run(
  spec: LoadSpec,
  seconds: number,
): Promise<{ latencies: number[]; failures: number; statuses: Record<string, number> }> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const instance = autocannon({
    url: spec.url,
    connections: spec.connections,
    duration: seconds,
    timeout: 30,
    requests: [{ setupRequest: setup(spec) }],
  });
  instance.on("response", (_client: unknown, status: number, _bytes: number, responseTime: number) => {
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status >= 200 && status < 300) latencies.push(responseTime);
    else failures += 1;
  });
  const result = await instance;
  return { latencies, failures: failures + result.errors + result.timeouts, statuses };
}

async function main() {
  const spec = JSON.parse(process.argv[2] ?? "{}") as LoadSpec;
  const measured = await run(spec, spec.seconds);
  const sorted = [...measured.latencies].sort((a, b) => a - b);
  const result: LoadResult = {
    requests: sorted.length,
    throughput: sorted.length / spec.seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length),
    failures: measured.failures,
    statuses: measured.statuses,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
