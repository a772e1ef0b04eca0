import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instanceSetting } from "@/db/schema";

/**
 * The auth secret lives in the database so every app server on one database signs sessions alike and the
 * embedded default needs no setup. BETTER_AUTH_SECRET, when set, wins.
 */
export async function ensureAuthSecret(db: Db): Promise<string> {
  const fromEnv = process.env.BETTER_AUTH_SECRET;
  if (fromEnv && fromEnv.length >= 32) return fromEnv;
  await db
    .insert(instanceSetting)
    .values({ key: "auth_secret", value: randomBytes(32).toString("base64url") })
    .onConflictDoNothing();
  const [row] = await db.select().from(instanceSetting).where(eq(instanceSetting.key, "auth_secret"));
  if (!row) throw new Error("auth secret missing after insert");
  return row.value;
}

export async function getSetting(db: Db, key: string): Promise<string | null> {
  const [row] = await db.select().from(instanceSetting).where(eq(instanceSetting.key, key));
  return row?.value ?? null;
}

export async function setSetting(db: Db, key: string, value: string): Promise<void> {
  await db
    .insert(instanceSetting)
    .values({ key, value })
    .onConflictDoUpdate({ target: instanceSetting.key, set: { value, updatedAt: new Date() } });
}
