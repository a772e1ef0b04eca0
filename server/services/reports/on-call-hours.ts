import "server-only";
import { and, eq, gte, inArray, isNull, lt, gt } from "drizzle-orm";
import { DateTime } from "luxon";
import type { z } from "zod";
import type { Db } from "@/db/client";
import { absence, interrupt, rotation } from "@/db/schema";
import type { Viewer } from "@/server/auth/permissions";
import { FOREVER } from "@/server/domain/membership/clip-to-membership";
import {
  DUTY_ROLE_ORDER,
  MIN_REST_HOURS,
  onCallHours,
  PAY_BANDS,
  type DutyRole,
  type PayBand,
} from "@/server/domain/on-call-hours";
import { containsInstant, intersectIntervals, type Interval } from "@/server/domain/time";
import type { onCallHoursInput } from "@/server/schemas/reports";
import { shiftsInWindow } from "../rotations/window-shifts";
import { maySeePerson, membersDuring, openReport, type ReportTeam } from "./open-report";
import { reportWindow, type ReportPeriod } from "./report-window";

export type OnCallHoursInput = z.output<typeof onCallHoursInput>;

export interface RestFlag {
  pagedAt: Date;
  dueAt: Date;
  restHours: number;
}

/** One person's on-call hours in the period, in decimal hours, on their own clock. */
export interface PersonOnCallHours {
  personId: string;
  name: string;
  timeZone: string;
  dutyHours: number;
  byRole: Record<DutyRole, number>;
  byBand: Record<PayBand, number>;
  pagesByBand: Record<PayBand, number>;
  pages: number;
  restFlags: RestFlag[];
}

export interface OnCallHoursReport {
  team: ReportTeam;
  period: ReportPeriod;
  bands: readonly PayBand[];
  roles: readonly DutyRole[];
  minRestHours: number;
  people: PersonOnCallHours[];
  /** Members whose rows this viewer may not see (engineers see only their own). */
  hiddenPeople: number;
}

const hoursOf = (minutes: number) => minutes / 60;

function inHours<K extends string>(minutes: Record<K, number>): Record<K, number> {
  const result = { ...minutes };
  for (const key of Object.keys(result) as K[]) result[key] = hoursOf(minutes[key]);
  return result;
}

/**
 * Hours on duty in the team's rotations per member, by role and pay band, the pages they were assigned by band,
 * and night pages followed by less than the minimum rest before their next working time. Managers and admins see
 * every member; others only themselves. Each person's time is banded on their own clock and pattern.
 */
export async function onCallHoursReport(
  db: Db,
  viewer: Viewer,
  input: OnCallHoursInput,
  now: Date,
): Promise<OnCallHoursReport> {
  const opened = await openReport(db, viewer, input.teamId);
  const window = reportWindow(input, opened.team.timeZone, now);
  const { accounted } = window;
  const scope = membersDuring(opened, accounted);
  const visible = scope.members.filter((m) => maySeePerson(scope, m.personId));
  const ids = visible.map((m) => m.personId);
  const empty = accounted.end <= accounted.start || ids.length === 0;

  const rotations = empty ? [] : await db.select().from(rotation).where(eq(rotation.teamId, scope.team.id));
  const shifts = empty ? [] : await shiftsInWindow(db, rotations, accounted);
  const absences = empty ? [] : await absencesWithKind(db, ids, accounted);
  const pages = empty ? [] : await pagesOf(db, scope.team.id, ids, accounted);

  const people = visible.map((member) => {
    const memberDuring = member.memberDuring ?? [FOREVER];
    const own = <T extends { personId: string }>(list: readonly T[]) =>
      list.filter((row) => row.personId === member.personId);
    const hours = onCallHours(
      {
        timeZone: member.timeZone,
        workPattern: member.workPattern,
        holidays: own(absences).filter((a) => a.kind === "holiday"),
        absences: own(absences),
        shifts: own(shifts).flatMap((s) =>
          intersectIntervals([s], memberDuring).map((piece) => ({ ...piece, role: s.role })),
        ),
        pages: own(pages).filter((p) => containsInstant(memberDuring, p.openedAt)),
      },
      accounted,
    );
    return {
      personId: member.personId,
      name: member.name,
      timeZone: member.timeZone,
      dutyHours: hoursOf(hours.dutyMinutes),
      byRole: inHours(hours.byRole),
      byBand: inHours(hours.byBand),
      pagesByBand: hours.pagesByBand,
      pages: hours.pages,
      restFlags: hours.restBreaches.map((b) => ({
        pagedAt: new Date(b.pagedAt),
        dueAt: new Date(b.dueAt),
        restHours: b.restHours,
      })),
    };
  });
  return {
    team: scope.team,
    period: window.view,
    bands: PAY_BANDS,
    roles: DUTY_ROLE_ORDER,
    minRestHours: MIN_REST_HOURS,
    people,
    hiddenPeople: scope.members.length - visible.length,
  };
}

/** Absences from the window's start to a week past its end: a rest check looks past the end for the next working day. */
async function absencesWithKind(db: Db, personIds: readonly string[], window: Interval) {
  const reachEnd = DateTime.fromMillis(window.end, { zone: "utc" }).plus({ weeks: 1 }).toMillis();
  const rows = await db
    .select({ personId: absence.personId, kind: absence.kind, startsAt: absence.startsAt, endsAt: absence.endsAt })
    .from(absence)
    .where(
      and(
        inArray(absence.personId, [...personIds]),
        isNull(absence.deletedAt),
        lt(absence.startsAt, new Date(reachEnd)),
        gt(absence.endsAt, new Date(window.start)),
      ),
    );
  return rows.map((row) => ({
    personId: row.personId,
    kind: row.kind,
    start: row.startsAt.getTime(),
    end: row.endsAt.getTime(),
  }));
}

/** The team's pages assigned to these people, opened in the window. */
async function pagesOf(db: Db, teamId: string, personIds: readonly string[], window: Interval) {
  const rows = await db
    .select({ personId: interrupt.assigneeId, openedAt: interrupt.openedAt, resolvedAt: interrupt.resolvedAt })
    .from(interrupt)
    .where(
      and(
        eq(interrupt.teamId, teamId),
        eq(interrupt.kind, "page"),
        isNull(interrupt.deletedAt),
        inArray(interrupt.assigneeId, [...personIds]),
        gte(interrupt.openedAt, new Date(window.start)),
        lt(interrupt.openedAt, new Date(window.end)),
      ),
    );
  return rows.flatMap((row) =>
    row.personId
      ? [{ personId: row.personId, openedAt: row.openedAt.getTime(), resolvedAt: row.resolvedAt?.getTime() ?? null }]
      : [],
  );
}
