import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person } from "@/db/schema";
import { getSetting } from "@/server/db/instance";
import type { DemoAccount } from "@/server/services/demo/seed-demo";

export interface DemoInstance {
  accounts: Array<Omit<DemoAccount, "password">>;
  /** Only on the embedded try-out: a demo loaded into PostgreSQL may be reachable by others, so its password is never shown. */
  password: string | null;
}

export interface InstanceStatus {
  /** True on an empty instance: the first account to sign up becomes admin. */
  needsFirstAdmin: boolean;
  /** Shown on the sign-in page and as a banner when the demo data is loaded. */
  demo: DemoInstance | null;
}

export async function instanceStatus(db: Db, where: { embedded: boolean }): Promise<InstanceStatus> {
  const [admin] = await db.select({ id: person.id }).from(person).where(eq(person.isAdmin, true)).limit(1);
  const stored = await getSetting(db, "demo_accounts");
  if (!stored) return { needsFirstAdmin: admin === undefined, demo: null };
  const listed = JSON.parse(stored) as DemoAccount[];
  const accounts = listed.map(({ email, name, roles }) => ({ email, name, roles }));
  return {
    needsFirstAdmin: admin === undefined,
    demo: { accounts, password: where.embedded ? (listed[0]?.password ?? null) : null },
  };
}
