import fs from "node:fs";
import path from "node:path";
import type { Engine } from "@/db/client";
import { readMigrationLevel } from "@/server/backup/catalog";
import { missingWrites } from "./acked-writes";
import { type AppServer, startAppServer } from "./app-server";
import { signIn, trpcData, trpcMutation, trpcQuery } from "./http-client";
import { type LiveLoad, type LoadResult, runLoad, WRITES_ONLY } from "./load-run";
import { prepareLoadTarget } from "./load-target";
import { scratchInstance } from "./load-scenario";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface CrashReport {
  engine: Engine;
  /** The load up to the kill: what was acknowledged. */
  load: LoadResult;
  /** PGlite: the lock file left by the killed server, and whose PID it names. */
  staleLock: { present: boolean; pid: number | null } | null;
  killedPid: number;
  /** Writes sent and not yet answered when the kill came. */
  inFlightAtKill: number;
  /** After the restart: the app signed someone in and answered a read and a write. */
  answeredAfterRestart: boolean;
  /** Migrations recorded after the restart, and in the committed journal: equal when the restart re-ran none. */
  migrations: { applied: number; journal: number };
  missing: { entries: string[]; alerts: string[] };
  logs: string;
}

function journalLength(): number {
  const journal = JSON.parse(
    fs.readFileSync(path.join(process.cwd(), "db", "migrations", "meta", "_journal.json"), "utf8"),
  ) as { entries: unknown[] };
  return journal.entries.length;
}

/**
 * kill -9 of the production server in the middle of a write load: writes go on at `connections` clients until
 * `killAfterAcks` have been acknowledged, then SIGKILL while dozens are in flight. The server is started again on
 * the same data, must sign in, read and write, and every write acknowledged before the kill must be there.
 */
export async function serverCrashScenario(
  engine: Engine,
  opts: { connections: number; killAfterAcks: number },
): Promise<CrashReport> {
  const instance = await scratchInstance(engine);
  const servers: AppServer[] = [];
  try {
    const first = await startAppServer({ where: instance.where, seed: "demo" });
    servers.push(first);
    const target = await prepareLoadTarget(first.url);
    const live: LiveLoad = { acked: { entries: [], alerts: [] }, inFlight: 0 };
    const { acked } = live;
    const stop = new AbortController();
    const loading = runLoad({
      target,
      connections: opts.connections,
      durationMs: 120_000,
      mix: WRITES_ONLY,
      stop: stop.signal,
      live,
    });
    while (acked.entries.length + acked.alerts.length < opts.killAfterAcks && !first.exited()) await sleep(20);
    const inFlightAtKill = live.inFlight;
    await first.crash();
    stop.abort();
    const load = await loading;

    const lockFile = instance.where.engine === "pglite" ? `${instance.where.dataDir}.lock` : null;
    const staleLock = lockFile
      ? {
          present: fs.existsSync(lockFile),
          pid: fs.existsSync(lockFile) ? Number.parseInt(fs.readFileSync(lockFile, "utf8"), 10) : null,
        }
      : null;

    const second = await startAppServer({ where: instance.where, seed: "demo" });
    servers.push(second);
    const erik = await signIn(second.url, "erik@northwind.example", "toilcap-demo");
    const recent = await trpcQuery(second.url, erik, "workLog.recent", { limit: 5 });
    const written = await trpcMutation(second.url, erik, "workLog.create", {
      summary: "after the crash",
      duration: "5m",
      category: "toil",
    });
    const afterRestart = trpcData<{ id: string }>(written);
    const answeredAfterRestart = recent.status === 200 && written.status === 200;
    await second.stop();

    const database = await instance.open();
    try {
      const missing = await missingWrites(database.db, {
        ...acked,
        entries: [...acked.entries, { id: afterRestart.id, summary: "after the crash" }],
      });
      const level = await readMigrationLevel(database.db);
      return {
        engine,
        load,
        staleLock,
        killedPid: first.pid,
        inFlightAtKill,
        answeredAfterRestart,
        migrations: { applied: level.count, journal: journalLength() },
        missing,
        logs: servers.map((s, i) => `--- server ${i + 1} (PID ${s.pid})\n${s.log()}`).join("\n"),
      };
    } finally {
      await database.close();
    }
  } finally {
    for (const server of servers) await server.crash();
    await instance.remove();
  }
}
