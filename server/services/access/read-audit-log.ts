import { and, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Db } from "@/db/client";
import { auditLog, person } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";

export const AUDIT_PAGE_SIZE = 200;

export interface AuditFilter {
  actorPersonId?: string | undefined;
  /** An action or its prefix: "person." matches every change to people. */
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
}

export interface AuditEntry {
  id: number;
  at: Date;
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string;
  after: unknown;
}

const actor = alias(person, "actor");

/**
 * The newest audit rows of the admin's organisation (actors of it, or changes by the system with no actor),
 * filtered by actor, action and time; at most a page.
 */
export async function readAuditLog(db: Db, admin: Viewer, filter: AuditFilter): Promise<AuditEntry[]> {
  const conditions: SQL[] = [];
  if (filter.actorPersonId) conditions.push(eq(auditLog.actorPersonId, filter.actorPersonId));
  if (filter.action) conditions.push(like(auditLog.action, `${filter.action.replace(/[\\%_]/g, "\\$&")}%`));
  if (filter.from) conditions.push(gte(auditLog.at, filter.from));
  if (filter.to) conditions.push(lt(auditLog.at, filter.to));
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actorName: actor.name,
      actorOrganisation: actor.organisationId,
      action: auditLog.action,
      entityType: auditLog.entityType,
      entityId: auditLog.entityId,
      after: auditLog.after,
    })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorPersonId))
    .where(and(...conditions))
    .orderBy(desc(auditLog.at), desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE);
  return rows
    .filter((row) => row.actorOrganisation === null || row.actorOrganisation === admin.organisationId)
    .map(({ actorOrganisation: _organisation, ...entry }) => entry);
}
