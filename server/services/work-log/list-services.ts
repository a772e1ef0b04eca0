import "server-only";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { service } from "@/db/schema";
import type { ToilTraits } from "@/server/schemas/work-log";
import { traitsOf } from "./traits";

export interface ServiceView {
  id: string;
  name: string;
  /** Pre-fill the quick-log toggles when this service is picked. */
  traits: ToilTraits;
}

/** The team's services, by name. The caller's membership is checked by the procedure. */
export async function listServices(db: Db, teamId: string): Promise<ServiceView[]> {
  const rows = await db
    .select()
    .from(service)
    .where(and(eq(service.teamId, teamId), isNull(service.deletedAt)))
    .orderBy(asc(service.name));
  return rows.map((row) => ({ id: row.id, name: row.name, traits: traitsOf(row) }));
}
