import { and, eq, gte, inArray, isNotNull, isNull, lt, or } from "drizzle-orm";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { interrupt, workEntry } from "@/db/schema";
import { DEFAULT_OVERLOAD_THRESHOLDS, overloadFindings, turnLoad, type InterruptWork } from "@/server/domain/duty-load";
import { turnsOf } from "@/server/domain/review/handoff-turns";
import { subtractIntervals, workPatternIntervals, MINUTE_MS } from "@/server/domain/time";
import { loadProfiles } from "../share/people-facts";
import { absencesOf } from "./rotation-facts";
import { findRotation } from "./rotation-rows";
import { shiftsInWindow } from "./window-shifts";

/** Turns shown on the rotation's page. */
export const TURNS_SHOWN = 8;
/** Far enough back for eight turns of the longest shifts planners use (two weeks), with room for covers. */
const LOOKBACK_WEEKS = 20;
/** Far enough ahead to see the end of the longest shift in progress. */
const AHEAD_WEEKS = 9;

/**
 * The load of the rotation's last turns (the one in progress cut at now): interrupts received, time logged on them
 * against the turn's duty time, the ticket queue at each hand-off, incidents against the 12-hour limit and work
 * after hours; and the overload signs its ended turns show (see docs/duty-load.md).
 */
export async function rotationDutyLoad(db: Db, input: { teamId: string; rotationId: string }, now: Date) {
  const row = await findRotation(db, input.teamId, input.rotationId);
  const at = DateTime.fromJSDate(now);
  // Past now too, so the turn in progress keeps its real end; it is counted up to now only.
  const window = {
    start: at.minus({ weeks: LOOKBACK_WEEKS }).toMillis(),
    end: at.plus({ weeks: AHEAD_WEEKS }).toMillis(),
  };
  const shifts = await shiftsInWindow(db, [row], window);
  const turns = turnsOf(shifts)
    .filter((turn) => turn.start < now.getTime())
    .slice(-TURNS_SHOWN);
  const span = { start: turns[0]?.start ?? now.getTime(), end: now.getTime() };
  const holders = [...new Set(turns.map((turn) => turn.personId))];
  const [profiles, absences] = await Promise.all([loadProfiles(db, holders), absencesOf(db, holders, span)]);

  const interrupts = (
    await db
      .select({
        kind: interrupt.kind,
        isIncident: interrupt.isIncident,
        openedAt: interrupt.openedAt,
        resolvedAt: interrupt.resolvedAt,
      })
      .from(interrupt)
      .where(
        and(
          eq(interrupt.teamId, input.teamId),
          isNull(interrupt.deletedAt),
          lt(interrupt.openedAt, now),
          or(isNull(interrupt.resolvedAt), gte(interrupt.resolvedAt, new Date(span.start))),
        ),
      )
  ).map((i) => ({ ...i, openedAt: i.openedAt.getTime(), resolvedAt: i.resolvedAt?.getTime() ?? null }));
  const work: InterruptWork[] =
    holders.length === 0
      ? []
      : (
          await db
            .select({ personId: workEntry.personId, startsAt: workEntry.startsAt, minutes: workEntry.minutes })
            .from(workEntry)
            .where(
              and(
                inArray(workEntry.personId, holders),
                isNotNull(workEntry.interruptId),
                eq(workEntry.category, "toil"),
                isNull(workEntry.deletedAt),
                lt(workEntry.startsAt, now),
                // An entry begun the day before a turn may run into it.
                gte(workEntry.startsAt, DateTime.fromMillis(span.start).minus({ days: 1 }).toJSDate()),
              ),
            )
        ).map((entry) => ({
          personId: entry.personId,
          start: entry.startsAt.getTime(),
          end: entry.startsAt.getTime() + entry.minutes * MINUTE_MS,
        }));

  const loads = turns.map((turn) => {
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
      ...turnLoad({ ...turn, scheduled, duty }, interrupts, work, now.getTime()),
      name: profile?.name ?? "Someone removed",
      inProgress: turn.end > now.getTime(),
    };
  });
  const ended = loads.filter((load) => !load.inProgress);
  const findings = overloadFindings(ended, DEFAULT_OVERLOAD_THRESHOLDS);
  return {
    thresholds: DEFAULT_OVERLOAD_THRESHOLDS,
    turns: loads.map((load) => ({ ...load, startsAt: new Date(load.start), endsAt: new Date(load.end) })),
    /** Positions refer to the ended turns, which come first in `turns`. */
    overload: findings,
  };
}
