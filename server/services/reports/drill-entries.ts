import "server-only";
import { and, eq, isNull, lt, sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { workEntry } from "@/db/schema";
import type { AccountingIntervals } from "@/server/domain/accounting";
import { clipIntervals, intersectIntervals, MINUTE_MS, totalMs, type Interval } from "@/server/domain/time";
import { loadEntryViews, type EntryView } from "../work-log/entry-view";
import { isSource, teamToilStarting, type SourceKind } from "./source-totals";

/** What an entry was about; withheld for entries logged to another team. */
export type EntryDetail = Pick<
  EntryView,
  | "summary"
  | "link"
  | "traits"
  | "source"
  | "serviceId"
  | "serviceName"
  | "templateId"
  | "templateName"
  | "interruptId"
  | "interruptSummary"
>;

/** How an entry's minutes in the window counted in its person's share (overlapping entries share minutes). */
export interface CountedMinutes {
  /** Inside scheduled time, outside duty (rule 3). */
  logged: number;
  /** Outside scheduled time (rule 4). */
  afterHours: number;
  /** Inside duty, where all scheduled time already counts (rule 2), so it adds nothing. */
  withinDuty: number;
}

export interface DrillDownEntry {
  id: string;
  personId: string;
  personName: string;
  teamId: string;
  startsAt: Date;
  endsAt: Date;
  minutes: number;
  /** Null for an entry logged to another team: it counts in the person's share, but what it was is that team's. */
  detail: EntryDetail | null;
  /** For a person's drill-down; null for a source's. */
  counted: CountedMinutes | null;
}

export interface EntryFilter {
  teamId: string;
  window: Interval;
  personId: string | null;
  source: { kind: SourceKind; key: string | null } | null;
}

/**
 * The toil entries behind a bar or a row. A source's row counts the team's entries starting in the window (as
 * toilSources does); a person's bar counts every entry of theirs overlapping it, in any team (as the accounting does).
 */
export async function drillEntries(db: Db, filter: EntryFilter): Promise<EntryView[]> {
  const { window } = filter;
  const who = filter.personId ? eq(workEntry.personId, filter.personId) : undefined;
  const where: SQL | undefined = filter.source
    ? and(teamToilStarting(filter.teamId, window), isSource(filter.source.kind, filter.source.key), who)
    : and(
        who,
        isNull(workEntry.deletedAt),
        eq(workEntry.category, "toil"),
        lt(workEntry.startsAt, new Date(window.end)),
        sql`${workEntry.startsAt} + make_interval(mins => ${workEntry.minutes}) > ${new Date(window.start).toISOString()}::timestamptz`,
      );
  return loadEntryViews(db, where);
}

export function drillDownEntry(
  entry: EntryView,
  teamId: string,
  personName: string,
  intervals: AccountingIntervals | null,
  window: Interval,
): DrillDownEntry {
  const inTeam = entry.teamId === teamId;
  return {
    id: entry.id,
    personId: entry.personId,
    personName,
    teamId: entry.teamId,
    startsAt: entry.startsAt,
    endsAt: entry.endsAt,
    minutes: entry.minutes,
    detail: inTeam
      ? {
          summary: entry.summary,
          link: entry.link,
          traits: entry.traits,
          source: entry.source,
          serviceId: entry.serviceId,
          serviceName: entry.serviceName,
          templateId: entry.templateId,
          templateName: entry.templateName,
          interruptId: entry.interruptId,
          interruptSummary: entry.interruptSummary,
        }
      : null,
    counted:
      intervals && countedMinutes({ start: entry.startsAt.getTime(), end: entry.endsAt.getTime() }, intervals, window),
  };
}

function countedMinutes(entry: Interval, intervals: AccountingIntervals, window: Interval): CountedMinutes {
  const time = clipIntervals([entry], window);
  const minutesIn = (list: Interval[]) => totalMs(intersectIntervals(time, list)) / MINUTE_MS;
  return {
    logged: minutesIn(intervals.logged),
    afterHours: minutesIn(intervals.afterHours),
    withinDuty: minutesIn(intervals.duty),
  };
}
