import "server-only";
import { and, eq, gte, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import { turnLoad, type InterruptWork, type TurnLoad } from "@/server/domain/duty-load";
import { turnsOf } from "@/server/domain/review/handoff-turns";
import { subtractIntervals, workPatternIntervals, MINUTE_MS, type Interval } from "@/server/domain/time";
import { loadProfiles } from "../share/people-facts";
import { absencesOf } from "./rotation-facts";
import type { RotationRow } from "./rotation-rows";
import { shiftsInWindow } from "./window-shifts";

/** Far enough ahead to see the end of the longest shift in progress. */
const AHEAD_WEEKS = 9;
/** Far enough back to see the start of the longest turn ending in the span (two-week shifts, with covers). */
const BEHIND_WEEKS = 5;

export interface NamedTurnLoad extends TurnLoad {
  name: string;
  inProgress: boolean;
}

/**
 * The load of each turn of one rotation that overlaps `span` and began before now (at most the last `limit`), the
 * one in progress counted up to now (docs/duty-load.md). Reads only: shifts not yet recorded are expanded from the
 * settings recording would freeze, so a page or a scrape never writes.
 */
export async function turnLoadsOf(
  db: Db,
  row: RotationRow,
  span: Interval,
  now: Date,
  limit = Number.POSITIVE_INFINITY,
): Promise<NamedTurnLoad[]> {
  const at = now.getTime();
  // Past now too, so the turn in progress keeps its real end; it is counted up to now only.
  const window = {
    start: DateTime.fromMillis(span.start).minus({ weeks: BEHIND_WEEKS }).toMillis(),
    end: DateTime.fromMillis(Math.max(span.end, at)).plus({ weeks: AHEAD_WEEKS }).toMillis(),
  };
  const shifts = await shiftsInWindow(db, [row], window);
  const turns = turnsOf(shifts)
    .filter((turn) => turn.start < Math.min(at, span.end) && turn.end > span.start)
    .slice(-limit);
  const first = turns[0];
  if (!first) return [];
  const seen = { start: first.start, end: at };
  const holders = [...new Set(turns.map((turn) => turn.personId))];
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const profiles = await loadProfiles(db, holders);
  const absences = await absencesOf(db, holders, seen);
  const interrupts = await teamInterrupts(db, row.teamId, seen);
  const work = await interruptWork(db, holders, seen);
  return turns.map((turn) => {
    const profile = profiles.get(turn.personId);
    const own = absences.filter((absence) => absence.personId === turn.personId);
    const scheduled = profile
      ? subtractIntervals(workPatternIntervals(profile.workPattern, profile.timeZone, turn), own)
      : [];
    // A rotation limited to duty windows holds a turn only in its pieces (nights, not the days between them).
    const duty = shifts.filter(
      (shift) => shift.personId === turn.personId && shift.start < turn.end && turn.start < shift.end,
    );
    return {
      ...turnLoad({ ...turn, scheduled, duty }, interrupts, work, at),
      name: profile?.name ?? "Someone removed",
      inProgress: turn.end > at,
    };
  });
}

/** The team's interrupts opened before now and not resolved before the span: enough for the queue at each hand-off. */
async function teamInterrupts(db: Db, teamId: string, seen: Interval) {
  const rows = await db
    .select({
      kind: interrupt.kind,
      isIncident: interrupt.isIncident,
      openedAt: interrupt.openedAt,
      resolvedAt: interrupt.resolvedAt,
    })
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        isNull(interrupt.deletedAt),
        lt(interrupt.openedAt, new Date(seen.end)),
        or(isNull(interrupt.resolvedAt), gte(interrupt.resolvedAt, new Date(seen.start))),
      ),
    );
  return rows.map((i) => ({ ...i, openedAt: i.openedAt.getTime(), resolvedAt: i.resolvedAt?.getTime() ?? null }));
}

/** The holders' toil logged on interrupts around the span. */
async function interruptWork(db: Db, holders: readonly string[], seen: Interval): Promise<InterruptWork[]> {
  if (holders.length === 0) return [];
  const rows = await db
    .select({ personId: workEntry.personId, startsAt: workEntry.startsAt, minutes: workEntry.minutes })
    .from(workEntry)
    .where(
      and(
        inArray(workEntry.personId, [...holders]),
        isNotNull(workEntry.interruptId),
        eq(workEntry.category, "toil"),
        isNull(workEntry.deletedAt),
        lt(workEntry.startsAt, new Date(seen.end)),
        // An entry begun the day before a turn may run into it.
        gte(workEntry.startsAt, DateTime.fromMillis(seen.start).minus({ days: 1 }).toJSDate()),
      ),
    );
  return rows.map((entry) => ({
    personId: entry.personId,
    start: entry.startsAt.getTime(),
    end: entry.startsAt.getTime() + entry.minutes * MINUTE_MS,
  }));
}
