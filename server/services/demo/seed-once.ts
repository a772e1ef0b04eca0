import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type DemoAccount, hasDemoData, seedDemo } from "./seed-demo";

interface Settings {
  getSetting(db: Db, key: string): Promise<string | null>;
  setSetting(db: Db, key: string, value: string): Promise<void>;
}

const SEED_LOCK_KEY = 7_320_453;

/**
 * Seeds the demo on an empty instance only, once, even when several servers start together.
 * Returns the demo accounts whenever the demo was loaded (now or on an earlier start), else null.
 */
export async function seedDemoOnce(db: Db, opts: { now: Date } & Settings): Promise<DemoAccount[] | null> {
  const stored = await opts.getSetting(db, "demo_accounts");
  if (stored) return JSON.parse(stored) as DemoAccount[];
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${SEED_LOCK_KEY})`);
    const again = await opts.getSetting(tx, "demo_accounts");
    if (again) return JSON.parse(again) as DemoAccount[];
    if (await hasDemoData(tx)) return null;
    const { accounts } = await seedDemo(tx, { now: opts.now });
    await opts.setSetting(tx, "demo_accounts", JSON.stringify(accounts));
    return accounts;
  });
}
