import "server-only";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { overloadFindings } from "@/server/domain/duty-load";
import { overloadThresholdsOf } from "./overload-thresholds";
import { recordedOverloads } from "./recorded-overloads";
import { findRotation } from "./rotation-rows";
import { turnLoadsOf } from "./turn-loads";

/** Turns shown on the rotation's page. */
export const TURNS_SHOWN = 8;
/** Far enough back for eight turns of the longest shifts planners use (two weeks), with room for covers. */
const LOOKBACK_WEEKS = 20;

/**
 * The load of the rotation's last turns (the one in progress cut at now): interrupts received, time logged on them
 * against the turn's duty time, the ticket queue at each hand-off, incidents against the 12-hour limit and work
 * after hours; the overload signs its ended turns show against the team's thresholds (see docs/duty-load.md), and
 * the flags recorded for it before.
 */
export async function rotationDutyLoad(db: Db, input: { teamId: string; rotationId: string }, now: Date) {
  const row = await findRotation(db, input.teamId, input.rotationId);
  const span = { start: DateTime.fromJSDate(now).minus({ weeks: LOOKBACK_WEEKS }).toMillis(), end: now.getTime() };
  // One after the other: `db` may be a transaction, whose one connection takes one query at a time.
  const loads = await turnLoadsOf(db, row, span, now, TURNS_SHOWN);
  const thresholds = await overloadThresholdsOf(db, input.teamId);
  const recorded = await recordedOverloads(db, input);
  const ended = loads.filter((load) => !load.inProgress);
  return {
    thresholds,
    turns: loads.map((load) => ({ ...load, startsAt: new Date(load.start), endsAt: new Date(load.end) })),
    /** Positions refer to the ended turns, which come first in `turns`. */
    overload: overloadFindings(ended, thresholds),
    recorded,
  };
}
