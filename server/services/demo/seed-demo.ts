import { hashPassword } from "better-auth/crypto";
import type { Db } from "@/db/client";
import { organisation } from "@/db/schema";
import type { DemoAccount } from "./people-rows";
import { buildDemoPlan } from "./plan";
import { writePlan } from "./write-plan";

export type { DemoAccount };
export { demoFirstWeek } from "./calendar";

export const DEMO_PASSWORD = "toilcap-demo";

export class DemoDataExistsError extends Error {}

/** True once any organisation exists: the demo belongs only in an empty instance. */
export async function hasDemoData(db: Db): Promise<boolean> {
  const [row] = await db.select({ id: organisation.id }).from(organisation).limit(1);
  return row !== undefined;
}

/**
 * Fills an empty database with Northwind Cloud: two teams, their people and accounts, rotations and
 * twelve weeks of history up to `now`. The same `now` gives the same demo. One transaction: all or nothing.
 */
export async function seedDemo(db: Db, opts: { now: Date }): Promise<{ accounts: DemoAccount[]; teamId: string }> {
  // Hashing is deliberately slow, so every demo account shares one hash of the one demo password.
  const plan = buildDemoPlan(opts.now, DEMO_PASSWORD, await hashPassword(DEMO_PASSWORD));
  await db.transaction(async (tx) => {
    if (await hasDemoData(tx))
      throw new DemoDataExistsError("The database already has an organisation; the demo needs an empty one.");
    await writePlan(tx, plan);
  });
  return { accounts: plan.demoAccounts, teamId: plan.platformTeamId };
}
