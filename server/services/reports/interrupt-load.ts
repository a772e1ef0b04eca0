import "server-only";
import { and, asc, eq, gte, isNull, lt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { interrupt } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { periodWindows } from "@/server/domain/accounting";
import type { Interval } from "@/server/domain/time";
import type { interruptLoadInput } from "@/server/schemas/reports";
import { loadProfiles } from "../share/people-facts";
import type { OverloadThresholds } from "@/server/domain/duty-load";
import { overloadThresholdsOf } from "../rotations/overload-thresholds";
import { dutyTurnsOf, type DutyTurnsOfRotation } from "./duty-turns";
import { countInterrupts, type InterruptCounts } from "./count-interrupts";
import { splitInterruptsByBand, type BandLoad } from "./split-by-band";
import { maySeePerson, openReport, type ReportTeam } from "./open-report";
import { reportWindow, type ReportPeriod } from "./report-window";
import { INCIDENT_LIMIT, countShiftIncidents, type IncidentWindow } from "./count-shift-incidents";

export type InterruptLoadInput = z.output<typeof interruptLoadInput>;
export type { BandLoad } from "./split-by-band";
export type { InterruptCounts } from "./count-interrupts";
export type { IncidentWindow } from "./count-shift-incidents";

export interface InterruptWeek extends InterruptCounts {
  /** The part of the local week inside the period (the first and last may be partial). */
  from: Date;
  to: Date;
  /** The week's Monday, "16 Nov". */
  label: string;
}

/** An on-call shift and its incidents; its holder is shown to managers, admins and the holder only. */
export interface ShiftLoadView {
  rotationId: string;
  rotationName: string;
  role: "primary" | "secondary";
  /** Null when this viewer may not see who held it. */
  person: { id: string; name: string } | null;
  /** The shift, cut at now while it runs. */
  from: Date;
  to: Date;
  incidents: number;
  busiestWindow: number;
  overLimit: boolean;
  windows: IncidentWindow[];
}

export interface InterruptLoadReport {
  team: ReportTeam;
  period: ReportPeriod;
  /** The team's interrupts opened in the period. */
  totals: InterruptCounts;
  weeks: InterruptWeek[];
  /** Rule 8: at most `incidents` per `windowHours`-hour window of an on-call shift. */
  incidentLimit: { incidents: number; windowHours: number };
  shifts: ShiftLoadView[];
  shiftsOverLimit: number;
  /** Business, off-hours and sleep, in that order (rule 9). */
  bands: BandLoad[];
  unassigned: number;
  /** Load per turn of each duty rotation over the period (docs/duty-load.md). */
  dutyTurns: DutyTurnsOfRotation[];
  /** The team's overload thresholds, which mark a turn's figures as over. */
  dutyThresholds: OverloadThresholds;
}

/**
 * Pages and tickets of the team: per week, per on-call shift against the incident limit, by band, reviewed; and the
 * load of each duty turn.
 */
export async function interruptLoad(
  db: Db,
  viewer: Viewer,
  input: InterruptLoadInput,
  now: Date,
): Promise<InterruptLoadReport> {
  const scope = await openReport(db, viewer, input.teamId);
  const window = reportWindow(input, scope.team.timeZone, now);
  const { accounted } = window;
  const opened = await db
    .select()
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, scope.team.id),
        isNull(interrupt.deletedAt),
        gte(interrupt.openedAt, new Date(accounted.start)),
        lt(interrupt.openedAt, new Date(accounted.end)),
      ),
    )
    .orderBy(asc(interrupt.openedAt));
  const weeks = weeksOf(accounted, window.timeZone).map((week) => {
    const inWeek = opened.filter((row) => row.openedAt.getTime() >= week.start && row.openedAt.getTime() < week.end);
    return {
      from: new Date(week.start),
      to: new Date(week.end),
      label: DateTime.fromMillis(week.monday, { zone: window.timeZone }).setLocale("en-GB").toFormat("d LLL"),
      ...countInterrupts(inWeek),
    };
  });
  const shifts = accounted.end > accounted.start ? await countShiftIncidents(db, scope.team.id, accounted, now) : [];
  const holders = await loadProfiles(
    db,
    shifts.map((s) => s.personId),
  );
  const { bands, unassigned } = await splitInterruptsByBand(db, scope.team.id, opened, accounted);
  return {
    team: scope.team,
    period: window.view,
    totals: countInterrupts(opened),
    weeks,
    incidentLimit: { ...INCIDENT_LIMIT },
    shifts: shifts.map(({ personId, ...shift }) => ({
      ...shift,
      person: maySeePerson(scope, personId) ? { id: personId, name: holders.get(personId)?.name ?? "Someone" } : null,
    })),
    shiftsOverLimit: shifts.filter((s) => s.overLimit).length,
    bands,
    unassigned,
    dutyTurns: await dutyTurnsOf(db, scope, accounted, now),
    dutyThresholds: await overloadThresholdsOf(db, scope.team.id),
  };
}

/** The local weeks overlapping the window, each cut to it. */
function weeksOf(window: Interval, timeZone: string): Array<Interval & { monday: number }> {
  if (window.end <= window.start) return [];
  const weeks: Array<Interval & { monday: number }> = [];
  // Generous count; the loop stops at the window's end. A 2-year range is 105 weeks at most.
  for (const week of periodWindows("week", timeZone, window.start, 106)) {
    if (week.start >= window.end) break;
    weeks.push({ start: Math.max(week.start, window.start), end: Math.min(week.end, window.end), monday: week.start });
  }
  return weeks;
}
