import "server-only";
import { and, asc, eq, gte, inArray, isNull, lt, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import type { Interval } from "@/server/domain/time";

type InterruptRow = typeof interrupt.$inferSelect;

export interface InterruptView {
  id: string;
  teamId: string;
  kind: InterruptRow["kind"];
  source: string;
  service: string | null;
  severity: InterruptRow["severity"];
  summary: string;
  isIncident: boolean;
  actionable: boolean | null;
  openedAt: Date;
  resolvedAt: Date | null;
  assigneeId: string | null;
  /** Minutes the viewer logged on it (entries linked to it, not deleted). */
  loggedMinutes: number;
}

/** Interrupts assigned to the person and opened in the window, oldest first. */
export async function assignedInterrupts(db: Db, personId: string, window: Interval): Promise<InterruptView[]> {
  const rows = await db
    .select()
    .from(interrupt)
    .where(
      and(
        eq(interrupt.assigneeId, personId),
        isNull(interrupt.deletedAt),
        gte(interrupt.openedAt, new Date(window.start)),
        lt(interrupt.openedAt, new Date(window.end)),
      ),
    )
    .orderBy(asc(interrupt.openedAt));
  const logged = await minutesLoggedOn(
    db,
    personId,
    rows.map((r) => r.id),
  );
  return rows.map((row) => interruptView(row, logged.get(row.id) ?? 0));
}

/** Minutes the person logged on each of the interrupts, in entries that are not deleted. */
async function minutesLoggedOn(db: Db, personId: string, interruptIds: string[]): Promise<Map<string, number>> {
  if (interruptIds.length === 0) return new Map();
  const sums = await db
    .select({ interruptId: workEntry.interruptId, minutes: sql<number>`sum(${workEntry.minutes})::int` })
    .from(workEntry)
    .where(
      and(eq(workEntry.personId, personId), isNull(workEntry.deletedAt), inArray(workEntry.interruptId, interruptIds)),
    )
    .groupBy(workEntry.interruptId);
  return new Map(sums.flatMap((s) => (s.interruptId ? [[s.interruptId, s.minutes] as const] : [])));
}

export function interruptView(row: InterruptRow, loggedMinutes: number): InterruptView {
  return {
    id: row.id,
    teamId: row.teamId,
    kind: row.kind,
    source: row.source,
    service: row.service,
    severity: row.severity,
    summary: row.summary,
    isIncident: row.isIncident,
    actionable: row.actionable,
    openedAt: row.openedAt,
    resolvedAt: row.resolvedAt,
    assigneeId: row.assigneeId,
    loggedMinutes,
  };
}
