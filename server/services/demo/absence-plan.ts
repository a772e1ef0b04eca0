import { DateTime } from "luxon";
import { calendarDate, midnightMs, weekdayOf, type DemoWindow } from "./calendar";
import type { DemoContext, DemoPerson } from "./context";
import type { Span } from "./duty-plan";
import { holidayRegionOf, publicHolidays, type HolidayRegion } from "./holidays";

export type AbsenceKind = "leave" | "holiday" | "sick" | "other";

export interface PlannedAbsence extends Span {
  personKey: string;
  kind: AbsenceKind;
  note: string | null;
}

interface Closure {
  day: number;
  name: string;
}

// Picked in weeks where neither is on the pager, and off ticket duty altogether (the test checks this).
const LEAVE = [
  { key: "mateo", week: 5, note: "Annual leave" },
  { key: "hannah", week: 7, note: "Annual leave: family visit" },
];
const SICK = { key: "jonas", week: 8, weekday: 2 };
// Used when no Berlin public holiday falls on a weekday in the window (mid-summer, say).
const FALLBACK_CLOSURE: Closure = { day: 6 * 7 + 4, name: "Berlin office closed: team day" };

/** Whole local days in the person's own zone, midnight to midnight. */
function wholeDays(person: DemoPerson, window: DemoWindow, firstDay: number, days: number): Span {
  return {
    start: midnightMs(window, person.timeZone, firstDay),
    end: midnightMs(window, person.timeZone, firstDay + days),
  };
}

/** Weekday public holidays inside the demo's weeks. */
function holidaysInWindow(window: DemoWindow, region: HolidayRegion): Closure[] {
  const first = calendarDate(window, 0);
  return [...new Set([window.firstMonday.year, window.now.year])]
    .flatMap((year) => publicHolidays(region, year))
    .map((h) => ({ day: Math.round(DateTime.fromISO(h.date, { zone: "utc" }).diff(first, "days").days), name: h.name }))
    .filter(({ day }) => day >= 0 && day < window.weekCount * 7 && weekdayOf(day) <= 5);
}

/** Each office's closures: its weekday public holidays, or a team day when the window has none. */
function closuresByRegion(window: DemoWindow): Record<HolidayRegion, Closure[]> {
  const berlin = holidaysInWindow(window, "berlin");
  return { berlin: berlin.length > 0 ? berlin : [FALLBACK_CLOSURE], us: holidaysInWindow(window, "us") };
}

function holidaysOf(
  window: DemoWindow,
  person: DemoPerson,
  closures: Record<HolidayRegion, Closure[]>,
): PlannedAbsence[] {
  const region = holidayRegionOf(person.timeZone);
  if (!region || person.spec.isAdmin) return [];
  return closures[region].map(({ day, name }) => ({
    personKey: person.key,
    kind: "holiday",
    ...wholeDays(person, window, day, 1),
    note: name,
  }));
}

export function planAbsences(context: DemoContext): PlannedAbsence[] {
  const { window, people } = context;
  const closures = closuresByRegion(window);
  const absences = [...people.values()].flatMap((person) => holidaysOf(window, person, closures));
  for (const leave of LEAVE) {
    const person = people.get(leave.key);
    // Monday 00:00 to Saturday 00:00 in their own zone: the five working days they booked.
    if (person)
      absences.push({
        personKey: person.key,
        kind: "leave",
        ...wholeDays(person, window, leave.week * 7, 5),
        note: leave.note,
      });
  }
  const sick = people.get(SICK.key);
  if (sick) {
    absences.push({
      personKey: sick.key,
      kind: "sick",
      ...wholeDays(sick, window, SICK.week * 7 + SICK.weekday - 1, 1),
      note: null,
    });
  }
  return absences.filter((a) => a.start < window.nowMs);
}

/** Whether the person is away for any part of [start, end). */
export function isAbsent(absences: readonly PlannedAbsence[], personKey: string, start: number, end: number): boolean {
  return absences.some((a) => a.personKey === personKey && a.start < end && start < a.end);
}
