import "server-only";
import type { Db } from "@/db/client";
import type { Interval } from "@/server/domain/time";
import { activeRotations } from "../rotations/rotation-rows";
import { turnLoadsOf, type NamedTurnLoad } from "../rotations/turn-loads";
import { maySeePerson, type ReportScope } from "./open-report";

/** The latest turns listed per rotation, so a year-long period stays one screen per rotation. */
export const DUTY_TURNS_SHOWN = 26;

export interface DutyTurnsOfRotation {
  rotationId: string;
  rotationName: string;
  role: "primary" | "secondary" | "ticket";
  /** The turns overlapping the period (the latest ones), each counted whole up to now; only those the viewer may see. */
  turns: Array<Omit<NamedTurnLoad, "start" | "end"> & { startsAt: Date; endsAt: Date }>;
  /** Turns of the period not listed: held by someone whose detail the viewer may not see, or older than the latest. */
  notShown: number;
}

/**
 * Load per duty turn (docs/duty-load.md) of each of the team's duty rotations over the report's period: managers
 * see every turn, anyone else only the turns they held, since a turn shows its holder's logged time.
 */
export async function dutyTurnsOf(
  db: Db,
  scope: ReportScope,
  period: Interval,
  now: Date,
): Promise<DutyTurnsOfRotation[]> {
  if (period.end <= period.start) return [];
  const rows = (await activeRotations(db, [scope.team.id])).flatMap((row) =>
    row.role === "shadow" ? [] : [{ ...row, role: row.role }],
  );
  const result: DutyTurnsOfRotation[] = [];
  for (const row of rows) {
    const all = await turnLoadsOf(db, row, period, now);
    const latest = all.slice(-DUTY_TURNS_SHOWN);
    const visible = latest.filter((turn) => maySeePerson(scope, turn.personId));
    result.push({
      rotationId: row.id,
      rotationName: row.name,
      role: row.role,
      turns: visible.map(({ start, end, ...turn }) => ({ ...turn, startsAt: new Date(start), endsAt: new Date(end) })),
      notShown: all.length - visible.length,
    });
  }
  return result;
}
