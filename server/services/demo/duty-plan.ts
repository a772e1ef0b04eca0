import { wallClockMs, weekdayOf, DEMO_ZONE, type DemoWindow } from "./calendar";

export type DutyRole = "primary" | "secondary" | "ticket";

/** An interval [start, end) in epoch ms. */
export interface Span {
  start: number;
  end: number;
}

/** One turn of duty as the rotation hands it out, before it is written as a shift_record. */
export interface PlannedShift extends Span {
  role: DutyRole;
  personKey: string;
}

// Eight people on a weekly primary + secondary rotation (docs/accounting.md: the minimum for one site).
export const PAGER_ORDER = ["erik", "daniel", "priya", "mateo", "lukas", "hannah", "amara", "grace"];
// Half the rotation apart, so nobody is primary and secondary in the same week.
export const SECONDARY_OFFSET = 4;
// Berlin people, as ticket duty follows Berlin office hours.
export const TICKET_ORDER = ["sofia", "amara", "erik", "priya", "lukas"];

export const HANDOFF_MINUTE = 9 * 60;
export const TICKET_HOURS = { startMinute: 9 * 60, endMinute: 17 * 60, days: [1, 2, 3, 4, 5] };

function turnHolder(order: readonly string[], turn: number): string {
  const key = order[turn % order.length];
  if (key === undefined) throw new Error("empty rotation");
  return key;
}

/** Weekly turns from Monday 09:00 to Monday 09:00 on Berlin's wall clock (167 or 169 hours across DST). */
function weeklyShifts(window: DemoWindow, role: DutyRole, offset: number): PlannedShift[] {
  const shifts: PlannedShift[] = [];
  for (let week = 0; week < window.weekCount; week += 1) {
    const start = wallClockMs(window, DEMO_ZONE, week * 7, HANDOFF_MINUTE);
    if (start >= window.nowMs) break;
    const end = wallClockMs(window, DEMO_ZONE, (week + 1) * 7, HANDOFF_MINUTE);
    shifts.push({ role, personKey: turnHolder(PAGER_ORDER, week + offset), start, end });
  }
  return shifts;
}

/**
 * Daily turns kept to weekday office hours. As in the rotation domain, a day without working hours uses up
 * nobody's turn, so with five people each one holds the same weekday every week.
 */
function ticketShifts(window: DemoWindow): PlannedShift[] {
  const shifts: PlannedShift[] = [];
  for (let day = 0; day < window.weekCount * 7; day += 1) {
    const start = wallClockMs(window, DEMO_ZONE, day, TICKET_HOURS.startMinute);
    if (start >= window.nowMs) break;
    if (!TICKET_HOURS.days.includes(weekdayOf(day))) continue;
    const end = wallClockMs(window, DEMO_ZONE, day, TICKET_HOURS.endMinute);
    shifts.push({ role: "ticket", personKey: turnHolder(TICKET_ORDER, shifts.length), start, end });
  }
  return shifts;
}

/** Every turn that has started by `now`, the current ones included. */
export function planDuty(window: DemoWindow): PlannedShift[] {
  return [
    ...weeklyShifts(window, "primary", 0),
    ...weeklyShifts(window, "secondary", SECONDARY_OFFSET),
    ...ticketShifts(window),
  ];
}

export function holderAt(shifts: readonly PlannedShift[], role: DutyRole, instant: number): string | undefined {
  return shifts.find((s) => s.role === role && s.start <= instant && instant < s.end)?.personKey;
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
