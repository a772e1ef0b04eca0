import "server-only";
import { asc, isNull } from "drizzle-orm";
import type { Db } from "@/db/client";
import { team } from "@/db/schema";
import { recordOverloads } from "../rotations/record-overloads";
import { recordShifts } from "../rotations/record-shifts";
import { fillDayFigures } from "../day-figures/fill-day-figures";
import { logFailure } from "./background";
import { checkCapBreaches } from "./check-cap-breaches";
import type { DeliveryReport } from "./deliver-breach";
import { retryDeliveries } from "./retry-deliveries";

export interface SweepReport {
  teams: number;
  /** Teams whose check failed (logged); the others were still checked. */
  failedTeams: number;
  detected: number;
  confirmed: number;
  /** Overload flags recorded for the first time (docs/duty-load.md). */
  overloads: number;
  deliveries: DeliveryReport[];
  retries: DeliveryReport[];
  /** Person-days of figures cached for the organisation summary (fillDayFigures). */
  figureDays: number;
}

/**
 * The periodic pass: records each team's ended shifts (reads never do, so the stretch they expand from the
 * settings stays short), checks every engineer of every team (catching what no write triggered: time passing,
 * a new month, leave), records the duty rotations' overload flags, then retries the
 * deliveries that are due. Teams one after another, so the sweep never
 * floods the database.
 */
export async function sweepCapBreaches(db: Db, now: Date): Promise<SweepReport> {
  const teams = await db.select({ id: team.id }).from(team).where(isNull(team.deletedAt)).orderBy(asc(team.id));
  const report: SweepReport = {
    teams: teams.length,
    failedTeams: 0,
    detected: 0,
    confirmed: 0,
    overloads: 0,
    deliveries: [],
    retries: [],
    figureDays: 0,
  };
  for (const { id } of teams) {
    try {
      await recordShifts(db, { teamId: id }, now);
      const check = await checkCapBreaches(db, id, "all", now);
      report.detected += check.detected.length;
      report.confirmed += check.confirmed.length;
      report.deliveries.push(...(await check.deliveries));
      // Time passing ends turns: a flag no write triggered is recorded here.
      report.overloads += await recordOverloads(db, id, now);
    } catch (error) {
      report.failedTeams += 1;
      logFailure(`cap-breach sweep of team ${id}`, error);
    }
  }
  report.retries = await retryDeliveries(db, now);
  try {
    // Ended days cached for the organisation summary (recording shifts above forgot the days it froze).
    report.figureDays = (await fillDayFigures(db, now)).days;
  } catch (error) {
    logFailure("filling the day figures", error);
  }
  return report;
}
