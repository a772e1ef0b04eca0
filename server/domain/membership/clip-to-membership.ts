import type { AccountingFacts, WorkEntry } from "../accounting/types";
import { intersectIntervals, MINUTE_MS, normalize, subtractIntervals, type Interval } from "../time";

/** The earliest and latest instants a Date can hold: a membership without a start or end reaches them. */
export const FOREVER: Interval = { start: -8.64e15, end: 8.64e15 };

/** Pieces of an entry inside the windows, each with its own start and minutes, in the entry's order. */
function clipEntry(entry: WorkEntry, windows: readonly Interval[]): WorkEntry[] {
  const span = { start: entry.start, end: entry.start + entry.minutes * MINUTE_MS };
  return intersectIntervals([span], windows).map((piece) => ({
    ...entry,
    start: piece.start,
    minutes: (piece.end - piece.start) / MINUTE_MS,
  }));
}

/**
 * A person's facts as seen by one team: outside the windows they were a member, nothing was scheduled (it becomes
 * an absence), and no entry or shift counts. Inside, the facts are unchanged, so a member's figures for a period
 * wholly inside their membership are exactly their own figures.
 */
export function clipToMembership(facts: AccountingFacts, memberDuring: readonly Interval[]): AccountingFacts {
  const windows = normalize(memberDuring);
  const outside = subtractIntervals([FOREVER], windows);
  if (outside.length === 0) return facts;
  return {
    ...facts,
    absences: normalize([...facts.absences, ...outside]),
    shifts: facts.shifts.flatMap((shift) =>
      intersectIntervals([shift], windows).map((piece) => ({ ...piece, role: shift.role })),
    ),
    entries: facts.entries.flatMap((entry) => clipEntry(entry, windows)),
  };
}

/** Whether any window of the membership overlaps the range. */
export function memberDuring(memberWindows: readonly Interval[], range: Interval): boolean {
  return intersectIntervals(normalize(memberWindows), [range]).length > 0;
}
