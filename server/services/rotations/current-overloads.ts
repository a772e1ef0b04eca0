import "server-only";
import { DateTime } from "luxon";
import type { Db } from "@/db/client";
import { overloadFindings, type OverloadReason, type OverloadThresholds } from "@/server/domain/duty-load";
import { overloadThresholdsOf } from "./overload-thresholds";
import { activeRotations, type RotationRow } from "./rotation-rows";
import { turnLoadsOf } from "./turn-loads";
import { TURNS_SHOWN } from "./duty-load";

/** Room before the run for covers that split turns and duty windows that leave weeks without duty. */
const SLACK_WEEKS = 2;

/** A turn behind a flag. */
export interface FlaggedTurn {
  personId: string;
  name: string;
  startsAt: Date;
  endsAt: Date;
}

/** A duty rotation whose latest ended turns show that the role has outgrown one person (docs/duty-load.md). */
export interface OverloadFlag {
  rotationId: string;
  rotationName: string;
  role: RotationRow["role"];
  reasons: OverloadReason[];
  /** The run of ended turns behind the flag, oldest first; the last one keys the recorded flag. */
  turns: FlaggedTurn[];
}

/** The flag one rotation shows now, or null; shadow rotations hold no duty and are never flagged. */
export async function overloadOfRotation(
  db: Db,
  row: RotationRow,
  thresholds: OverloadThresholds,
  now: Date,
): Promise<OverloadFlag | null> {
  if (row.role === "shadow") return null;
  // Only the run and the turn before it (for the queue) matter: a span of that many shifts, with room for covers.
  const turns = Math.min(thresholds.turnsInARow + 2, TURNS_SHOWN);
  const start = DateTime.fromJSDate(now)
    .minus({ [row.shiftUnit]: row.shiftCount * turns })
    .minus({ weeks: SLACK_WEEKS });
  const span = { start: start.toMillis(), end: now.getTime() };
  const ended = (await turnLoadsOf(db, row, span, now, turns)).filter((load) => !load.inProgress);
  const findings = overloadFindings(ended, thresholds);
  const positions = findings[0]?.turns ?? [];
  if (findings.length === 0) return null;
  return {
    rotationId: row.id,
    rotationName: row.name,
    role: row.role,
    reasons: findings.map((finding) => finding.reason),
    turns: positions.flatMap((index) => {
      const turn = ended[index];
      return turn
        ? [{ personId: turn.personId, name: turn.name, startsAt: new Date(turn.start), endsAt: new Date(turn.end) }]
        : [];
    }),
  };
}

/** Every flag the team's duty rotations show now, by rotation name. Reads only. */
export async function teamOverloads(
  db: Db,
  teamId: string,
  now: Date,
  /** The team's active rotations, when the caller has read them already (My work). */
  rotations?: readonly RotationRow[],
): Promise<OverloadFlag[]> {
  // One after the other: the home reads this in its read-only transaction, whose connection takes one query at a time.
  const rows = rotations ?? (await activeRotations(db, [teamId]));
  const thresholds = await overloadThresholdsOf(db, teamId);
  const flags: OverloadFlag[] = [];
  // One rotation after another: each reads weeks of interrupts and work.
  for (const row of rows) {
    const flag = await overloadOfRotation(db, row, thresholds, now);
    if (flag) flags.push(flag);
  }
  return flags;
}
