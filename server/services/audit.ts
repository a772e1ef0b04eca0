import { sql, type SQLWrapper } from "drizzle-orm";
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
  await recordAudits(db, [event]);
}

/** Several audit rows in one statement (a notification of many alerts is one round trip, not one per page). */
export async function recordAudits(db: Db, events: readonly AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditLog).values(
    events.map((event) => ({
      actorPersonId: event.actorPersonId,
      teamId: event.teamId ?? null,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: event.before ?? null,
      after: event.after ?? null,
    })),
  );
}

/**
 * Runs a one-row INSERT and writes its audit row in the same statement, so both land together without a
 * transaction of their own: on the logging path BEGIN and COMMIT would be two more round trips per entry.
 */
export async function insertWithAudit(db: Db, insert: SQLWrapper, event: AuditEvent): Promise<void> {
  const json = (value: unknown) => (value === undefined || value === null ? null : JSON.stringify(value));
  await db.execute(sql`
    with inserted as (${insert.getSQL()} returning 1)
    insert into ${auditLog} (actor_person_id, team_id, action, entity_type, entity_id, before, after)
    select ${event.actorPersonId}::uuid, ${event.teamId ?? null}::uuid, ${event.action}, ${event.entityType},
      ${event.entityId}, ${json(event.before)}::jsonb, ${json(event.after)}::jsonb
    from inserted`);
}
