import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { percentile } from "../percentile";
import { CpuMeter } from "./cpu-meter";
import type { MeasuredLoad } from "./load-spec";
import { signIn, startProductionServer } from "./server-process";

/**
 * The page benchmark: the pages people open most, rendered by the production build on the demo (TOILCAP_SEED=demo,
 * a fresh database), as a signed-in demo account, one request at a time. Each page gets `warmup` requests thrown
 * away, then `requests` measured: the time to the last byte of the HTML on localhost (the server's time, give or
 * take a loopback round trip) and the CPU the server (and PostgreSQL) spent per page.
 */

const DEMO_PASSWORD = "toilcap-demo";
const DEMO_ENGINEER = "erik@northwind.example";
const DEMO_MANAGER = "maria@northwind.example";

export interface PageCase {
  key: string;
  path: string;
  /** Who opens it: an engineer, or the manager for the team report. */
  as: "engineer" | "manager";
}

export const PAGE_CASES: readonly PageCase[] = [
  { key: "home", path: "/", as: "engineer" },
  { key: "rotations", path: "/rotations", as: "engineer" },
  { key: "reports", path: "/reports", as: "manager" },
  { key: "share", path: "/share", as: "engineer" },
  { key: "week", path: "/week", as: "engineer" },
];

export interface PageResult {
  page: PageCase;
  result: MeasuredLoad;
}

export interface PageBenchOptions {
  engine: "postgres" | "pglite";
  port: number;
  postgresUrl: string;
  warmup: number;
  requests: number;
  profileDir: string | null;
  /** Which of PAGE_CASES to open (by key). */
  pages: (page: PageCase) => boolean;
}

/** A fresh database for the demo: the server migrates it and loads the demo when it starts. */
async function freshDemoDatabase(options: PageBenchOptions): Promise<{ url: string } | { dataDir: string }> {
  const suffix = (process.env.BENCH_DATABASE_SUFFIX ?? "").replace(/[^a-z0-9_]/g, "");
  if (options.engine === "pglite") {
    const dataDir = path.join(process.cwd(), "data", `bench-pglite-demo${suffix}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    return { dataDir };
  }
  const name = `toilcap_bench_demo${suffix}`;
  const admin = new pg.Client({ connectionString: options.postgresUrl });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(options.postgresUrl);
  url.pathname = `/${name}`;
  return { url: url.toString() };
}

/** One GET of a page to its last byte; the status, and the milliseconds it took. */
async function getPage(url: string, cookie: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

async function measurePage(url: string, cookie: string, meter: CpuMeter, options: PageBenchOptions) {
  for (let i = 0; i < options.warmup; i++) await getPage(url, cookie);
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  let failures = 0;
  const before = await meter.snapshot();
  const started = performance.now();
  for (let i = 0; i < options.requests; i++) {
    const { status, ms } = await getPage(url, cookie);
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (status === 200) latencies.push(ms);
    else failures += 1;
  }
  const elapsed = performance.now() - started;
  const spent = CpuMeter.spent(before, await meter.snapshot());
  latencies.sort((a, b) => a - b);
  const perRequest = (ms: number | null) => (ms === null || options.requests === 0 ? null : ms / options.requests);
  return {
    requests: options.requests,
    throughput: (latencies.length * 1000) / elapsed,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    mean: latencies.reduce((sum, ms) => sum + ms, 0) / Math.max(1, latencies.length),
    failures,
    statuses,
    serverCpuMsPerRequest: perRequest(spent.server),
    databaseCpuMsPerRequest: perRequest(spent.database),
  };
}

/** Starts the production build on a fresh demo database and measures each page in turn, then stops it. */
export async function runPageBench(options: PageBenchOptions): Promise<PageResult[]> {
  const target = await freshDemoDatabase(options);
  const server = await startProductionServer(options.port, target, {
    profileDir: options.profileDir ?? undefined,
    seed: "demo",
  });
  const postgres =
    "url" in target ? { url: options.postgresUrl, database: new URL(target.url).pathname.slice(1) } : null;
  const meter = await CpuMeter.open(server.pid, postgres);
  try {
    const cookies = {
      engineer: await signIn(server.url, DEMO_ENGINEER, DEMO_PASSWORD),
      manager: await signIn(server.url, DEMO_MANAGER, DEMO_PASSWORD),
    };
    const results: PageResult[] = [];
    for (const page of PAGE_CASES.filter(options.pages)) {
      console.info(`bench: page ${page.path} as the demo ${page.as} (${options.requests} requests, one at a time)…`);
      results.push({ page, result: await measurePage(`${server.url}${page.path}`, cookies[page.as], meter, options) });
    }
    return results;
  } finally {
    await meter.close();
    await server.stop();
  }
}
