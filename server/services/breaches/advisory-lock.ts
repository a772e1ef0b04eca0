import "server-only";
import { sql } from "drizzle-orm";
import pg from "pg";
import type { Db } from "@/db/client";

// Any fixed number, distinct from the migration lock's: every app server asks for the same one.
export const BREACH_SWEEP_LOCK_KEY = 7_320_452;

/** One database session to hold a session-level advisory lock on. */
export interface LockSession {
  tryLock(key: number): Promise<boolean>;
  unlock(key: number): Promise<void>;
  close(): Promise<void>;
}

function lockedFlag(result: unknown): boolean {
  if (typeof result !== "object" || result === null || !("rows" in result) || !Array.isArray(result.rows)) return false;
  const [row]: unknown[] = result.rows;
  return typeof row === "object" && row !== null && "locked" in row && row.locked === true;
}

/** A connection of its own on PostgreSQL: a pooled one could hand the lock to some other request. */
export async function postgresLockSession(url: string): Promise<LockSession> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return {
    tryLock: async (key) => lockedFlag(await client.query("select pg_try_advisory_lock($1) as locked", [key])),
    unlock: async (key) => {
      await client.query("select pg_advisory_unlock($1)", [key]);
    },
    close: () => client.end(),
  };
}

/** PGlite is one connection in one process (its data directory is locked), so that connection is the session. */
export function sharedLockSession(db: Db): LockSession {
  return {
    tryLock: async (key) => lockedFlag(await db.execute(sql`select pg_try_advisory_lock(${key}) as locked`)),
    unlock: async (key) => {
      await db.execute(sql`select pg_advisory_unlock(${key})`);
    },
    close: async () => undefined,
  };
}

export type LockedRun<T> = { ran: true; result: T } | { ran: false };

/**
 * Runs `work` only if this session gets the advisory lock at once (pg_try_advisory_lock), so of several app
 * servers sweeping at the same moment one sweeps and the others skip. The lock goes with the work, or with the
 * session if the process dies.
 */
export async function whileHoldingLock<T>(
  session: LockSession,
  key: number,
  work: () => Promise<T>,
): Promise<LockedRun<T>> {
  try {
    if (!(await session.tryLock(key))) return { ran: false };
    try {
      return { ran: true, result: await work() };
    } finally {
      await session.unlock(key).catch(() => undefined);
    }
  } finally {
    await session.close().catch(() => undefined);
  }
}
