import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { instanceSetting, person } from "@/db/schema";
import { rowsOf } from "@/server/services/share/raw-rows";
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

/**
 * In one read: the shell asks on every page (for the demo banner), and on the embedded engine each statement costs
 * milliseconds however small.
 */
export async function instanceStatus(db: Db, where: { embedded: boolean }): Promise<InstanceStatus> {
  const [row] = rowsOf(
    await db.execute(sql`
      select exists (select 1 from ${person} where ${person.isAdmin}) as has_admin,
        (select ${instanceSetting.value} from ${instanceSetting} where ${instanceSetting.key} = 'demo_accounts') as demo_accounts`),
  );
  const needsFirstAdmin = row?.has_admin !== true;
  const stored = row?.demo_accounts;
  if (typeof stored !== "string") return { needsFirstAdmin, demo: null };
  const listed = JSON.parse(stored) as DemoAccount[];
  const accounts = listed.map(({ email, name, roles }) => ({ email, name, roles }));
  return {
    needsFirstAdmin,
    demo: { accounts, password: where.embedded ? (listed[0]?.password ?? null) : null },
  };
}
