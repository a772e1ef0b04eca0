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
  /** Where a target that applies was missed: the measured cause. */
  cause?: string;
}

export interface RunSetup {
  engine: "postgres" | "pglite";
  engineers: number;
}

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

/**
 * Issue 16's targets, set for PostgreSQL at 200 engineers (the team report and the organisation summary also at
 * 2000): ratios to the raw-SQL baseline, because absolute figures move with the machine.
 */
function httpTargets(
  pair: ScenarioPair,
  stack: HttpFigures,
  baseline: HttpFigures,
  ratio: number,
  setup: RunSetup,
): TargetCheck[] {
  const onPostgres = setup.engine === "postgres";
  const standard = onPostgres && setup.engineers === 200;
  const large = onPostgres && setup.engineers === 2000;
  const check = (target: string, met: boolean, applies = standard): TargetCheck => ({ target, met, applies });
  switch (pair.key) {
    case "teamReport": {
      const limit = setup.engineers >= 2000 ? 120 : 40;
      return [
        check(`p95 <= ${limit} ms`, stack.p95 <= limit, standard || large),
        check("ratio >= 0.85", ratio >= 0.85, standard || large),
      ];
    }
    case "orgSummary": {
      const limit = setup.engineers >= 2000 ? 600 : 150;
      return [check(`p95 <= ${limit} ms`, stack.p95 <= limit, standard || large)];
    }
    case "logEntry":
      return [
        check("ratio >= 0.8", ratio >= 0.8),
        check("p99 <= 2x raw p99", baseline.p99 > 0 && stack.p99 <= 2 * baseline.p99),
      ];
    case "ingest":
      return [check("ratio >= 0.7", ratio >= 0.7)];
  }
}

const ms = (value: number | null) => (value === null ? "?" : value.toFixed(1));

/**
 * Why a benchmark missed its target, from what this run measured: CPU per request is what separates the app
 * from its raw baseline on the same database (the 2-core machine is CPU-bound at these concurrencies), and what
 * that CPU is spent on comes from the server's profiles (README, Benchmarks).
 */
export function shortfallCause(pair: ScenarioPair["key"], stack: HttpFigures, baseline: HttpFigures): string {
  const cpu = `the app spends ${ms(stack.serverCpuMs)} ms of its own CPU and ${ms(stack.databaseCpuMs)} ms of PostgreSQL's per request, the raw baseline ${ms(baseline.serverCpuMs)} + ${ms(baseline.databaseCpuMs)}`;
  switch (pair) {
    case "logEntry":
      return `${cpu}: the raw baseline is one SQL statement behind a bare Node server; the app's extra CPU is Next's request handling (routing, web streams, async context), better-auth's session check, tRPC, zod and drizzle, and with 50 connections on 2 cores it queues`;
    case "ingest":
      return `${cpu}: a notification is parsed, checked against the integration's secret and silences, credited to who was on call and audited with the stack's per-request cost, where the baseline inserts in one statement`;
    case "teamReport":
      return `${cpu}: the report loads every member's facts for the quarter and counts them with the accounting rules, as the baseline does; the rest is the request's cost through Next and tRPC`;
    case "orgSummary":
      return `${cpu}: every engineer's facts for the period are loaded and counted (${ms(stack.serverCpuMs)} ms of app CPU per summary)`;
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
  const targets = httpTargets(pair, stack, baseline, ratio, setup);
  const missed = targets.some((t) => t.applies && !t.met);
  return {
    benchmark: pair.name,
    unit: pair.itemsPerRequest > 1 ? "alerts/s" : "req/s",
    connections: pair.stack.connections,
    stack,
    baseline,
    ratio,
    targets,
    ...(missed ? { cause: shortfallCause(pair.key, stack, baseline) } : {}),
  };
}

/** The target for a page: its server time at one connection, on the demo, on either engine. */
export const PAGE_LIMIT_MS = 50;

export function pageRow({ page, result }: PageResult): BenchRow {
  const met = result.p50 <= PAGE_LIMIT_MS;
  const cause = `the page costs ${ms(result.serverCpuMsPerRequest)} ms of the app's CPU and ${ms(result.databaseCpuMsPerRequest)} ms of PostgreSQL's: React's server render of the shell and page, and its statements (on PGlite 1.5-5 ms each whatever their SQL)`;
  return {
    benchmark: `(g) page ${page.path} (demo ${page.as}, one at a time)`,
    unit: "req/s",
    connections: 1,
    stack: figures(result, 1),
    targets: [{ target: `p50 <= ${PAGE_LIMIT_MS} ms`, met, applies: true }],
    ...(met ? {} : { cause }),
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
  for (const row of rows) if (row.cause) console.info(`${row.benchmark}, shortfall: ${row.cause}.`);
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
