import { type Database, type Engine, openPglite, openPostgres } from "@/db/client";
import { missingWrites } from "./acked-writes";
import { type AppServer, startAppServer, type Where } from "./app-server";
import { type LoadResult, MIXED, runLoad } from "./load-run";
import { prepareLoadTarget } from "./load-target";
import { createPostgresDatabase, createScratchDir } from "./scratch-database";

/** A scratch instance of one engine: a new data directory or a new PostgreSQL database, removed by `remove()`. */
export interface ScratchInstance {
  where: Where;
  /** Opens it from this process (PGlite only once no server holds it). */
  open(): Promise<Database>;
  remove(): Promise<void>;
}

export async function scratchInstance(engine: Engine): Promise<ScratchInstance> {
  if (engine === "pglite") {
    const dir = createScratchDir("toilcap-rel");
    return {
      where: { engine, dataDir: dir.dataDir },
      open: () => openPglite(dir.dataDir),
      remove: async () => dir.remove(),
    };
  }
  const scratch = await createPostgresDatabase();
  return {
    where: { engine, databaseUrl: scratch.url },
    open: () => openPostgres(scratch.url),
    remove: () => scratch.drop(),
  };
}

export interface LoadReport {
  engine: Engine;
  connections: number;
  result: LoadResult;
  missing: { entries: string[]; alerts: string[] };
  /** The server's output, for a failure message. */
  serverLog: string;
}

/**
 * The load test end to end: a production server with the demo on a fresh instance, `connections` clients of
 * mixed reads and writes for `durationMs`, then the server stopped and every acknowledged write looked up in
 * the database. `midway` runs halfway through, beside the load (a backup, say). Cleans up whatever happens.
 */
export async function loadScenario(
  engine: Engine,
  opts: { durationMs: number; connections: number; midway?: (instance: ScratchInstance) => Promise<void> },
): Promise<LoadReport> {
  const instance = await scratchInstance(engine);
  let server: AppServer | undefined;
  try {
    server = await startAppServer({ where: instance.where, seed: "demo" });
    const target = await prepareLoadTarget(server.url);
    const loading = runLoad({ target, connections: opts.connections, durationMs: opts.durationMs, mix: MIXED });
    if (opts.midway) {
      await new Promise((resolve) => setTimeout(resolve, opts.durationMs / 2));
      await opts.midway(instance);
    }
    const result = await loading;
    await server.stop();
    const database = await instance.open();
    try {
      return {
        engine,
        connections: opts.connections,
        result,
        missing: await missingWrites(database.db, result.acked),
        serverLog: server.log(),
      };
    } finally {
      await database.close();
    }
  } finally {
    await server?.crash();
    await instance.remove();
  }
}

/** The figures of a run, one line per operation, for the console. */
export function describeLoad(report: LoadReport): string {
  const { result } = report;
  const lines = [
    `${report.engine}: ${result.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s at ${report.connections} connections ` +
      `(${result.perSecond}/s); 5xx ${result.serverErrors}, no answer ${result.failures}, other non-200 ${result.unexpected}, ` +
      `resent after a keep-alive close ${result.retried}; ` +
      `acknowledged writes ${result.acked.entries.length} entries + ${result.acked.alerts.length} pages, missing ${report.missing.entries.length + report.missing.alerts.length}`,
  ];
  for (const [name, stats] of Object.entries(result.operations)) {
    lines.push(
      `  ${name.padEnd(11)} ${String(stats.requests).padStart(6)} req  p50 ${stats.p50} ms  p95 ${stats.p95} ms  p99 ${stats.p99} ms  max ${stats.max} ms  ${JSON.stringify(stats.statuses)}`,
    );
  }
  for (const sample of result.samples) lines.push(`  ! ${sample}`);
  return lines.join("\n");
}
