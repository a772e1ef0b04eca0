import "server-only";
import { serverNow } from "@/server/clock";
import { getDatabase } from "@/server/db/runtime";
import { prepareAuth } from "@/server/auth";
import { getSetting, setSetting } from "@/server/db/instance";
import type { Database } from "@/db/client";
import { serverEnv } from "@/server/env";

/**
 * Checks the environment, opens and migrates the database, loads the demo once when asked (TOILCAP_SEED=demo,
 * which `npm start` sets on the embedded database only), starts the cap-breach sweep, and prints where to go. Any failure stops the process with one clear
 * line, because Next would otherwise keep serving 500s.
 */
export async function startServer(): Promise<void> {
  try {
    const env = serverEnv();
    const database = await getDatabase();
    await prepareAuth();
    const where =
      database.engine === "postgres"
        ? "PostgreSQL (DATABASE_URL)"
        : `embedded PGlite at ${process.env.TOILCAP_DATA_DIR ?? "./data/pglite"}`;
    console.info(`Toilcap: database ready on ${where}`);
    if (env.TOILCAP_SEED === "demo") {
      const { seedDemoOnce } = await import("@/server/services/demo/seed-once");
      const accounts = await seedDemoOnce(database.db, { now: serverNow(), getSetting, setSetting });
      if (accounts) {
        console.info("Toilcap: demo accounts (password for all: toilcap-demo):");
        for (const account of accounts) console.info(`  ${account.email.padEnd(30)} ${account.roles}`);
      }
    }
    await startBreachSweep(database);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(`Toilcap cannot start: ${reason}`);
    process.exit(1);
  }
}

/**
 * The periodic cap-breach sweep (every TOILCAP_BREACH_SWEEP_SECONDS, 0 = off), never during `next build` or
 * tests. Every app server schedules it; an advisory lock lets one of them sweep at a time.
 */
async function startBreachSweep(database: Database): Promise<void> {
  const { sweepSeconds, scheduleBreachSweep } = await import("@/server/services/breaches/sweep-schedule");
  const { postgresLockSession, sharedLockSession } = await import("@/server/services/breaches/advisory-lock");
  const setting = sweepSeconds(process.env.TOILCAP_BREACH_SWEEP_SECONDS);
  if ("error" in setting) throw new Error(setting.error);
  if (setting.seconds === 0 || process.env.NEXT_PHASE === "phase-production-build" || process.env.VITEST) return;
  const url = process.env.DATABASE_URL?.trim();
  const openLockSession = () =>
    database.engine === "postgres" && url ? postgresLockSession(url) : Promise.resolve(sharedLockSession(database.db));
  scheduleBreachSweep({ db: database.db, openLockSession, intervalMs: setting.seconds * 1000 });
  console.info(`Toilcap: cap-breach sweep every ${setting.seconds} s`);
}
