import type { PageWeight } from "./first-load-js";
import type { MeasuredLoad } from "./http/load-spec";
import type { PageResult } from "./http/page-bench";
import type { ScenarioPair } from "./http/scenarios";
import type { TimingSummary } from "./shift-expansion";

/** One performance target and whether this run met it. `applies` is false where the target is set for another setup. */
export interface TargetCheck {
  target: string;
  met: boolean;
  applies: boolean;
}

export interface HttpFigures {
  p50: number;
  p95: number;
  p99: number;
  /** Items (requests, or alerts for ingest) per second. */
  throughput: number;
  failures: number;
  statuses: Record<string, number>;
  /** CPU milliseconds per request (per notification for ingest) in the app server and in PostgreSQL. */
  serverCpuMs: number | null;
  databaseCpuMs: number | null;
}

export interface BenchRow {
  benchmark: string;
  unit: string;
  connections?: number;
  stack: HttpFigures | { p50: number; p95: number; p99: number };
  baseline?: HttpFigures;
  /** Stack throughput / baseline throughput, at the same concurrency: 1 means no overhead from the stack. */
  ratio?: number;
  targets: TargetCheck[];
}

export interface RunSetup {
  engine: "postgres" | "pglite";
  engineers: number;
}

const RATIO_TARGET = 0.5;

function figures(result: MeasuredLoad, items: number): HttpFigures {
  return {
    p50: result.p50,
    p95: result.p95,
    p99: result.p99,
    throughput: result.throughput * items,
    failures: result.failures,
    statuses: result.statuses,
    serverCpuMs: result.serverCpuMsPerRequest,
    databaseCpuMs: result.databaseCpuMsPerRequest,
  };
}

/** The performance targets hold for PostgreSQL at 200 engineers (the team report also at 2000). */
function httpTargets(pair: ScenarioPair, stack: HttpFigures, ratio: number, setup: RunSetup): TargetCheck[] {
  const standard = setup.engine === "postgres" && setup.engineers === 200;
  const check = (target: string, met: boolean, applies = standard): TargetCheck => ({ target, met, applies });
  const ratioCheck = check(`ratio >= ${RATIO_TARGET}`, ratio >= RATIO_TARGET);
  switch (pair.key) {
    case "teamReport": {
      const large = setup.engineers >= 2000;
      const limit = large ? 150 : 50;
      return [
        check(
          `p95 <= ${limit} ms`,
          stack.p95 <= limit,
          setup.engine === "postgres" && (standard || setup.engineers === 2000),
        ),
        ratioCheck,
      ];
    }
    case "orgSummary":
      return [check("p95 <= 200 ms", stack.p95 <= 200), ratioCheck];
    case "logEntry":
      return [check(">= 300 req/s", stack.throughput >= 300), check("p99 <= 100 ms", stack.p99 <= 100), ratioCheck];
    case "ingest":
      return [check(">= 500 alerts/s", stack.throughput >= 500), ratioCheck];
  }
}

export function httpRow(
  pair: ScenarioPair,
  stackResult: MeasuredLoad,
  baselineResult: MeasuredLoad,
  setup: RunSetup,
): BenchRow {
  const stack = figures(stackResult, pair.itemsPerRequest);
  const baseline = figures(baselineResult, pair.itemsPerRequest);
  const ratio = baseline.throughput > 0 ? stack.throughput / baseline.throughput : 0;
  return {
    benchmark: pair.name,
    unit: pair.itemsPerRequest > 1 ? "alerts/s" : "req/s",
    connections: pair.stack.connections,
    stack,
    baseline,
    ratio,
    targets: httpTargets(pair, stack, ratio, setup),
  };
}

/** The target for a page: its server time at one connection, on the demo, on either engine. */
export const PAGE_LIMIT_MS = 50;

export function pageRow({ page, result }: PageResult): BenchRow {
  return {
    benchmark: `(g) page ${page.path} (demo ${page.as}, one at a time)`,
    unit: "req/s",
    connections: 1,
    stack: figures(result, 1),
    targets: [{ target: `p50 <= ${PAGE_LIMIT_MS} ms`, met: result.p50 <= PAGE_LIMIT_MS, applies: true }],
  };
}

export function expansionRow(timing: TimingSummary): BenchRow {
  return {
    benchmark: `(e) shift expansion: 50 rotations x 1 year (${timing.shifts} shifts, in-process)`,
    unit: "ms",
    stack: { p50: timing.p50, p95: timing.p95, p99: timing.p99 },
    targets: [{ target: "p95 <= 50 ms", met: timing.p95 <= 50, applies: true }],
  };
}

/** The most JavaScript a first visit may download, gzip: less on the pages everyone meets before signing in. */
function firstLoadLimitBytes(route: string): number {
  return route === "/sign-in" || route === "/sign-up" ? 110_000 : 150_000;
}

function firstLoadTarget(page: PageWeight): string {
  const met = page.gzipBytes <= firstLoadLimitBytes(page.route);
  return `${met ? "met" : "MISSED"}: <= ${firstLoadLimitBytes(page.route) / 1000} kB`;
}

export function firstLoadTargets(pages: readonly PageWeight[]): TargetCheck[] {
  return pages.map((page) => ({
    target: `${page.route} <= ${firstLoadLimitBytes(page.route) / 1000} kB gzip`,
    met: page.gzipBytes <= firstLoadLimitBytes(page.route),
    applies: true,
  }));
}

const fixed = (value: number | null | undefined, digits = 1) =>
  typeof value !== "number" || Number.isNaN(value) ? "-" : value.toFixed(digits);

function verdict(targets: readonly TargetCheck[]): string {
  return targets.map((t) => `${t.met ? "met" : "MISSED"}${t.applies ? "" : " (n/a)"}: ${t.target}`).join("; ");
}

/** The console table: one line per benchmark, the figures in milliseconds and per second. */
export function printTable(rows: readonly BenchRow[], pages: readonly PageWeight[]): void {
  console.table(
    rows.map((row) => ({
      benchmark: row.benchmark,
      conns: row.connections ?? "",
      "p50 ms": fixed(row.stack.p50),
      "p95 ms": fixed(row.stack.p95),
      "p99 ms": fixed(row.stack.p99),
      "per s": "throughput" in row.stack ? `${fixed(row.stack.throughput, 0)} ${row.unit}` : "",
      "raw p95 ms": fixed(row.baseline?.p95),
      "raw per s": row.baseline ? fixed(row.baseline.throughput, 0) : "",
      ratio: fixed(row.ratio, 2),
      "cpu ms/req app+db":
        "serverCpuMs" in row.stack ? `${fixed(row.stack.serverCpuMs)}+${fixed(row.stack.databaseCpuMs)}` : "",
      "raw cpu": row.baseline ? `${fixed(row.baseline.serverCpuMs)}+${fixed(row.baseline.databaseCpuMs)}` : "",
      failures: "failures" in row.stack ? row.stack.failures + (row.baseline?.failures ?? 0) : "",
      targets: verdict(row.targets),
    })),
  );
  console.table(
    pages.map((page) => ({
      "(f) first-load JS": page.route,
      files: page.files,
      "kB gzip": fixed(page.gzipBytes / 1000),
      "kB raw": fixed(page.rawBytes / 1000),
      target: firstLoadTarget(page),
    })),
  );
}
