import "server-only";
import { eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { person } from "@/db/schema";
import { getSetting } from "@/server/db/instance";
import type { DemoAccount } from "@/server/services/demo/seed-demo";

export interface InstanceStatus {
  /** True on an empty instance: the first account to sign up becomes admin. */
  needsFirstAdmin: boolean;
  /** Shown on the sign-in page when the demo data is loaded. */
  demoAccounts: DemoAccount[] | null;
}

export async function instanceStatus(db: Db): Promise<InstanceStatus> {
  const [admin] = await db.select({ id: person.id }).from(person).where(eq(person.isAdmin, true)).limit(1);
  const demo = await getSetting(db, "demo_accounts");
  return { needsFirstAdmin: admin === undefined, demoAccounts: demo ? (JSON.parse(demo) as DemoAccount[]) : null };
}
