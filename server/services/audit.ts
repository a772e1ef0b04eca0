import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";

export interface AuditEvent {
  actorPersonId: string | null;
  teamId?: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/** Call inside the same transaction as the change so the log never disagrees with the data. */
export async function recordAudit(db: Db, event: AuditEvent): Promise<void> {
  await db.insert(auditLog).values({
    actorPersonId: event.actorPersonId,
    teamId: event.teamId ?? null,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    before: event.before ?? null,
    after: event.after ?? null,
  });
}
