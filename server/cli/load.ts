/**
 * `npm run load [-- --seconds 60] [--connections 100] [--engine pglite|postgres]`: the full load test. For each
 * engine (PostgreSQL when TEST_DATABASE_URL is set or a server answers on 127.0.0.1:5432), a production server
 * with the demo on a scratch database, 60 s of mixed reads and writes at 100 connections, then every
 * acknowledged write looked up in the database. Prints the figures, writes reports/load.json, and exits 1 on
 * any 5xx, unanswered request or missing write. The CI version (10 s) runs in npm test.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import type { Engine } from "@/db/client";
import { describeLoad, loadScenario, type LoadReport } from "@/server/reliability/load-scenario";
import { postgresForScratch } from "@/server/reliability/scratch-postgres";
import { ensureProductionBuild } from "./production-build";

const USAGE = "Usage: npm run load [-- --seconds 60] [--connections 100] [--engine pglite|postgres]";

function options() {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      seconds: { type: "string", default: "60" },
      connections: { type: "string", default: "100" },
      engine: { type: "string" },
    },
  });
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  const engine = values.engine;
  if (
    !(seconds > 0) ||
    !Number.isInteger(connections) ||
    connections < 1 ||
    (engine !== undefined && engine !== "pglite" && engine !== "postgres")
  ) {
    throw new Error(USAGE);
  }
  return { seconds, connections, engine: engine as Engine | undefined };
}

function passed(report: LoadReport): boolean {
  const { result, missing } = report;
  return (
    result.serverErrors === 0 &&
    result.failures === 0 &&
    result.unexpected === 0 &&
    missing.entries.length + missing.alerts.length === 0
  );
}

async function main(): Promise<number> {
  let opts;
  try {
    opts = options();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  const postgres = await postgresForScratch();
  if (postgres) process.env.TEST_DATABASE_URL = postgres;
  const engines: Engine[] = opts.engine ? [opts.engine] : postgres ? ["pglite", "postgres"] : ["pglite"];
  if (engines.includes("postgres") && !postgres) {
    console.error("--engine postgres needs TEST_DATABASE_URL (a server where a scratch database may be created).");
    return 1;
  }
  if (!postgres && !opts.engine) console.info("(No PostgreSQL: set TEST_DATABASE_URL to load-test it too.)");
  ensureProductionBuild("Building the production app (next build)…");

  const reports: LoadReport[] = [];
  for (const engine of engines) {
    console.info(`\nLoad on ${engine}: ${opts.seconds} s, ${opts.connections} connections…`);
    const report = await loadScenario(engine, { durationMs: opts.seconds * 1000, connections: opts.connections });
    console.info(describeLoad(report));
    if (!passed(report)) console.error(`FAILED on ${engine}. Server output (end):\n${report.serverLog.slice(-4000)}`);
    reports.push(report);
  }
  const out = path.join(process.cwd(), "reports", "load.json");
  fs.mkdirSync(path.dirname(out), { recursive: true });
  const summary = reports.map(({ serverLog: _log, result: { acked, ...figures }, ...rest }) => ({
    ...rest,
    result: { ...figures, acked: { entries: acked.entries.length, alerts: acked.alerts.length } },
  }));
  fs.writeFileSync(
    out,
    `${JSON.stringify({ at: new Date().toISOString(), node: process.version, seconds: opts.seconds, runs: summary }, null, 2)}\n`,
  );
  console.info(`\nWritten ${path.relative(process.cwd(), out)}`);
  return reports.every(passed) ? 0 : 1;
}

process.exitCode = await main();
