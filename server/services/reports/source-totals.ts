import "server-only";
import { and, eq, gte, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import type { Interval } from "@/server/domain/time";

/** What toil sources are grouped by: the entry's template, its service, or the alert name of its page. */
export type SourceKind = "template" | "service" | "alert";

/**
 * The key of an entry's source as text (ids compared as text, so a malformed key matches nothing rather than
 * failing). Alert names come from the interrupt the entry is linked to: queries using it join `interrupt`.
 */
export function sourceKeyOf(kind: SourceKind): SQL<string | null> {
  switch (kind) {
    case "template":
      return sql<string | null>`${workEntry.templateId}::text`;
    case "service":
      return sql<string | null>`${workEntry.serviceId}::text`;
    case "alert":
      return sql<string | null>`${interrupt.alertName}`;
  }
}

/** Entries of this source; a null key is the source's "none" row (no template, no service, not from an alert). */
export function isSource(kind: SourceKind, key: string | null): SQL {
  const keyOf = sourceKeyOf(kind);
  return key === null ? sql`${keyOf} is null` : sql`${keyOf} = ${key}`;
}

/**
 * The toil entries of the team that start in the window, not deleted: each counts once, in the period it started
 * in, so consecutive periods add up.
 */
export function teamToilStarting(teamId: string, window: Interval): SQL | undefined {
  return and(
    eq(workEntry.teamId, teamId),
    isNull(workEntry.deletedAt),
    eq(workEntry.category, "toil"),
    gte(workEntry.startsAt, new Date(window.start)),
    lt(workEntry.startsAt, new Date(window.end)),
  );
}

export interface SourceTotals {
  key: string | null;
  /** Distinct interrupts worked on, plus entries not linked to one: two people on one page are one occurrence. */
  occurrences: number;
  totalMinutes: number;
  peopleAffected: number;
}

/** Occurrences, minutes and people per source of the team's toil starting in the window, summed in the database. */
export async function sourceTotals(
  db: Db,
  teamId: string,
  kind: SourceKind,
  window: Interval,
): Promise<SourceTotals[]> {
  const key = sourceKeyOf(kind);
  return db
    .select({
      key,
      occurrences: sql<number>`count(distinct coalesce(${workEntry.interruptId}::text, ${workEntry.id}::text))::int`,
      totalMinutes: sql<number>`coalesce(sum(${workEntry.minutes}), 0)::int`,
      peopleAffected: sql<number>`count(distinct ${workEntry.personId})::int`,
    })
    .from(workEntry)
    .leftJoin(interrupt, eq(interrupt.id, workEntry.interruptId))
    .where(teamToilStarting(teamId, window))
    .groupBy(key);
}

/** Minutes of one source's toil starting in the window. */
export async function sourceMinutes(
  db: Db,
  teamId: string,
  kind: SourceKind,
  key: string,
  window: Interval,
): Promise<number> {
  const [row] = await db
    .select({ minutes: sql<number>`coalesce(sum(${workEntry.minutes}), 0)::int` })
    .from(workEntry)
    .leftJoin(interrupt, eq(interrupt.id, workEntry.interruptId))
    .where(and(teamToilStarting(teamId, window), isSource(kind, key)));
  return row?.minutes ?? 0;
}
