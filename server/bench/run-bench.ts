import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { openPglite, openPostgres, type Database } from "@/db/client";
import { firstLoadJs } from "./first-load-js";
import { ensureProductionBuild } from "@/server/cli/production-build";
import { CpuMeter } from "./http/cpu-meter";
import { runLoad } from "./http/run-load";
import type { MeasuredLoad } from "./http/load-spec";
import { PAGE_CASES, type PageCase, runPageBench } from "./http/page-bench";
import { type ScenarioPair, scenarioPairs, type Sessions } from "./http/scenarios";
import { type RunningServer, signIn, startBaselineServer, startProductionServer } from "./http/server-process";
import { benchFixtures, type BenchFixtures } from "./org/bench-fixtures";
import { existingOrg, generateOrg, type GeneratedOrg } from "./org/generate-org";
import { BENCH_PASSWORD, type OrgSize } from "./org/org-shape";
import { expansionRow, firstLoadTargets, httpRow, pageRow, printTable, type BenchRow } from "./results";
import { benchShiftExpansion } from "./shift-expansion";

export interface BenchOptions {
  size: OrgSize;
  engine: "postgres" | "pglite";
  /** A tiny organisation and one-second runs: proves the whole chain works, measures nothing. */
  quick: boolean;
  warmupSeconds: number;
  seconds: number;
  port: number;
  /** PostgreSQL server for the benchmark's databases (toilcap_bench_*). */
  postgresUrl: string;
  /** Only these HTTP benchmarks (keys of scenarioPairs; "pages" for every page, "pages/home" for one), or all. */
  only: string[] | null;
  /** Measured requests per page in the page benchmark (after a fifth as many, at least 10, thrown away). */
  pageRequests: number;
  skipBuild: boolean;
  /** Where the server writes a CPU profile (node --cpu-prof) when it stops, or null. */
  profileDir: string | null;
  /** Keep the database a previous run generated for this size (its history ends when it was generated). */
  reuse: boolean;
}

/** The commit measured, "+changes" when the checkout differs from it; null outside a git checkout. */
function gitCommit(): string | null {
  try {
    const head = execFileSync("git", ["rev-parse", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["status", "--porcelain", "--untracked-files=no"], { encoding: "utf8" }).trim();
    return dirty ? `${head}+changes` : head;
  } catch {
    return null;
  }
}

function databaseUrl(base: string, name: string): string {
  const url = new URL(base);
  url.pathname = `/${name}`;
  return url.toString();
}

/**
 * A fresh database (PostgreSQL) or data directory (PGlite), migrated, with the generated organisation; with
 * `reuse`, the one a previous run left, when it holds an organisation of this size.
 */
async function prepareDatabase(
  options: BenchOptions,
): Promise<{ target: { url: string } | { dataDir: string }; org: GeneratedOrg; fixtures: BenchFixtures }> {
  // BENCH_DATABASE_SUFFIX keeps two checkouts benchmarking on one PostgreSQL server apart.
  const suffix = (process.env.BENCH_DATABASE_SUFFIX ?? "").replace(/[^a-z0-9_]/g, "");
  const label = `${options.quick ? "quick" : `${options.size.engineers}e${options.size.teams}t`}${suffix}`;
  let database: Database;
  let target: { url: string } | { dataDir: string };
  let fresh = !options.reuse;
  if (options.engine === "postgres") {
    const name = `toilcap_bench_${label}`;
    const admin = new pg.Client({ connectionString: options.postgresUrl });
    await admin.connect();
    const exists = (await admin.query("select 1 from pg_database where datname = $1", [name])).rowCount === 1;
    fresh ||= !exists;
    if (fresh) {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`create database ${name}`);
    }
    await admin.end();
    target = { url: databaseUrl(options.postgresUrl, name) };
    database = await openPostgres(target.url);
  } else {
    const dataDir = path.join(process.cwd(), "data", `bench-pglite-${label}`);
    fresh ||= !fs.existsSync(dataDir);
    if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
    target = { dataDir };
    database = await openPglite(dataDir);
  }
  try {
    await database.migrate();
    const org = fresh
      ? await generateOrg(database.db, options.engine, options.size, new Date())
      : await existingOrg(database.db, options.size);
    return { target, org, fixtures: await benchFixtures(database.db, options.size) };
  } finally {
    await database.close();
  }
}

async function signInAll(url: string, fixtures: BenchFixtures): Promise<Sessions> {
  const managers: string[] = [];
  for (const team of fixtures.teams) managers.push(await signIn(url, team.managerEmail, BENCH_PASSWORD));
  const loggers: string[] = [];
  for (const email of fixtures.loggers) loggers.push(await signIn(url, email, BENCH_PASSWORD));
  return { admin: await signIn(url, fixtures.adminEmail, BENCH_PASSWORD), managers, loggers };
}

/** Runs `work` against a started server with a CPU meter on it, then stops both. */
async function measure<T>(
  server: RunningServer,
  target: { url: string } | { dataDir: string },
  options: BenchOptions,
  work: (meter: CpuMeter) => Promise<T>,
): Promise<T> {
  const postgres =
    "url" in target ? { url: options.postgresUrl, database: new URL(target.url).pathname.slice(1) } : null;
  const meter = await CpuMeter.open(server.pid, postgres);
  try {
    return await work(meter);
  } finally {
    await meter.close();
    await server.stop();
  }
}

/**
 * `npm run bench`: generate the organisation and drive each endpoint against its baseline, then the pages on the
 * demo one at a time (server/bench/http/page-bench.ts), then the in-process shift expansion and the build's
 * first-load JavaScript; print a table and write reports/bench.json. `--only pages` runs only the page benchmark.
 */
export async function runBench(options: BenchOptions): Promise<void> {
  const startedAt = new Date();
  const wanted = (key: string) => !options.only || options.only.includes(key);
  // "pages" asks for every page, "pages/home" for one.
  const pagesOnly = options.only?.every((key) => key.startsWith("pages")) ?? false;
  const wantedPage = (page: PageCase) => wanted("pages") || wanted(`pages/${page.key}`);
  if (!options.skipBuild) ensureProductionBuild("bench: building the production app (next build)…");
  const generated = pagesOnly ? null : await organisationBenchmarks(options, wanted);
  const rows = generated?.rows ?? [];
  if (PAGE_CASES.some(wantedPage)) {
    const pageResults = await runPageBench({
      engine: options.engine,
      port: options.port,
      postgresUrl: options.postgresUrl,
      // Enough for the JIT to settle on the page's code: the first requests of a page cost several times the rest.
      warmup: Math.max(10, Math.round(options.pageRequests / 5)),
      requests: options.pageRequests,
      profileDir: options.profileDir,
      pages: wantedPage,
    });
    rows.push(...pageResults.map(pageRow));
  }

  rows.push(expansionRow(benchShiftExpansion()));
  const pages = firstLoadJs();
  printTable(rows, pages);

  const out = path.join(process.cwd(), "reports", "bench.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const report = {
    at: startedAt.toISOString(),
    node: process.version,
    commit: gitCommit(),
    machine: {
      host: os.hostname(),
      cpus: os.cpus().length,
      model: os.cpus()[0]?.model ?? "",
      memoryGb: Math.round(os.totalmem() / 2 ** 30),
      loadAverage: os.loadavg(),
    },
    engine: options.engine,
    size: options.size,
    quick: options.quick,
    timing: { warmupSeconds: options.warmupSeconds, seconds: options.seconds, pageRequests: options.pageRequests },
    ratioDefinition:
      "stack throughput / raw-SQL baseline throughput, same concurrency, same database; the baseline runs in a node:http server of its own",
    cpuDefinition: "CPU ms per successful request: the app server process, and the PostgreSQL backends of its database",
    pageDefinition:
      "(g) pages: the demo on a fresh database, one signed-in request at a time; ms to the HTML's last byte on localhost",
    generation: generated?.generation ?? null,
    rows,
    firstLoadJs: { pages, targets: firstLoadTargets(pages) },
  };
  const text = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(out, text);
  // Also under a name of its own, so a PGlite, 2000-engineer or pages-only run does not replace the last default one.
  const label = pagesOnly ? "pages" : options.quick ? "quick" : `${options.size.engineers}e`;
  const named = path.join(path.dirname(out), `bench-${options.engine}-${label}.json`);
  fs.writeFileSync(named, text);
  console.info(`Written ${path.relative(process.cwd(), out)} and ${path.relative(process.cwd(), named)}`);
}

/**
 * The benchmarks on the generated organisation: each HTTP endpoint against its raw-SQL baseline (a server of its
 * own, server/bench/baselines) with autocannon from a separate process.
 */
async function organisationBenchmarks(
  options: BenchOptions,
  wanted: (key: string) => boolean,
): Promise<{ rows: BenchRow[]; generation: { counts: unknown; steps: unknown; historyFrom: unknown } }> {
  const setup = { engine: options.engine, engineers: options.size.engineers };
  console.info(
    `bench: generating ${options.size.engineers} engineers in ${options.size.teams} teams (${options.size.days} days) on ${options.engine}…`,
  );
  const { target, org, fixtures } = await prepareDatabase(options);
  console.info(
    org.steps.length > 0
      ? `bench: generated in ${org.steps.reduce((sum, step) => sum + step.ms, 0)} ms`
      : "bench: reusing the database",
    org.counts,
  );

  // The app and the baseline server take turns on the database (PGlite admits one process at a time).
  const urls = { app: `http://127.0.0.1:${options.port}`, baselines: `http://127.0.0.1:${options.port + 1}` };
  const timing = { warmupSeconds: options.warmupSeconds, seconds: options.seconds };
  let pairs: ScenarioPair[] = [];
  const app = await startProductionServer(options.port, target, { profileDir: options.profileDir ?? undefined });
  const stackResults = await measure(app, target, options, async (meter) => {
    pairs = scenarioPairs(urls, fixtures, await signInAll(app.url, fixtures), timing).filter((pair) =>
      wanted(pair.key),
    );
    const results: MeasuredLoad[] = [];
    for (const pair of pairs) {
      console.info(`bench: ${pair.name} (${pair.stack.connections} connections)…`);
      results.push(await runLoad(pair.stack, meter));
    }
    return results;
  });
  const baselines = await startBaselineServer(options.port + 1, target);
  const baselineResults = await measure(baselines, target, options, async (meter) => {
    const results: MeasuredLoad[] = [];
    for (const pair of pairs) {
      console.info(`bench: ${pair.name}, raw-SQL baseline…`);
      results.push(await runLoad(pair.baseline, meter));
    }
    return results;
  });
  const rows: BenchRow[] = pairs.flatMap((pair, index) => {
    const stack = stackResults[index];
    const baseline = baselineResults[index];
    return stack && baseline ? [httpRow(pair, stack, baseline, setup)] : [];
  });
  return { rows, generation: { counts: org.counts, steps: org.steps, historyFrom: org.from } };
}
