import "server-only";
import { and, eq, gte, isNull, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { workEntry } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { periodWindow } from "@/server/domain/accounting";
import { addDays, formatLocalDate, localDateOf, type LocalDate } from "@/server/domain/time";
import { assignedInterrupts, type InterruptView } from "../interrupts/interrupt-view";
import { loadEntryViews, type EntryView } from "./entry-view";

export interface WeekDay {
  /** The local calendar date, yyyy-mm-dd. */
  date: string;
  /** "Mon 16 Nov". */
  label: string;
  entries: EntryView[];
  interrupts: InterruptView[];
}

export interface WeekView {
  from: Date;
  to: Date;
  timeZone: string;
  days: WeekDay[];
}

/**
 * The caller's week on their own wall clock, Monday 00:00 to the next Monday 00:00: entries by the local
 * day they started on, and interrupts assigned to them by the local day they were opened.
 */
export async function myWeek(db: Db, viewer: Viewer, input: { at?: Date }, now: Date): Promise<WeekView> {
  const timeZone = viewer.timeZone;
  const window = periodWindow("week", (input.at ?? now).getTime(), timeZone);
  const entries = await loadEntryViews(
    db,
    and(
      eq(workEntry.personId, viewer.personId),
      isNull(workEntry.deletedAt),
      gte(workEntry.startsAt, new Date(window.start)),
      lt(workEntry.startsAt, new Date(window.end)),
    ),
  );
  const interrupts = await assignedInterrupts(db, viewer.personId, window);
  const monday = localDateOf(window.start, timeZone);
  const days: WeekDay[] = [0, 1, 2, 3, 4, 5, 6].map((offset) => {
    const date = addDays(monday, offset);
    return { date: formatLocalDate(date), label: dayLabel(date), entries: [], interrupts: [] };
  });
  const dayOf = (instant: Date) =>
    days.find((d) => d.date === formatLocalDate(localDateOf(instant.getTime(), timeZone)));
  for (const entry of entries) dayOf(entry.startsAt)?.entries.push(entry);
  for (const item of interrupts) dayOf(item.openedAt)?.interrupts.push(item);
  return { from: new Date(window.start), to: new Date(window.end), timeZone, days };
}

function dayLabel(date: LocalDate): string {
  return DateTime.utc(date.year, date.month, date.day).setLocale("en-GB").toFormat("ccc d LLL");
}
