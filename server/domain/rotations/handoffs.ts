import { addDays, isoWeekday, parseLocalDate, wallClockInstant, wallTimeAt, type LocalDate } from "../time";
import type { RotationSpec } from "./types";

/** The hand-off instants of a rotation: hand-off n starts period n, which runs until hand-off n + 1. */
export interface HandoffSchedule {
  handoffAt(period: number): number;
  /** The period containing `instant`, or -1 before the first hand-off. */
  periodContaining(instant: number): number;
  /** Length of one period in calendar days, or null for "hours" shifts, which need not start on one weekday. */
  calendarDaysPerPeriod: number | null;
}

const MS_PER_MINUTE = 60_000;
const MINUTES_PER_HOUR = 60;
const MINUTES_PER_DAY = 24 * MINUTES_PER_HOUR;

/** The first date on or after `date` that falls on ISO `weekday`. */
function onOrAfterWeekday(date: LocalDate, weekday: number): LocalDate {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

/**
 * Hand-off n is the first hand-off's wall time plus n periods on the wall clock of the rotation's zone, turned
 * into an instant by the one gap/overlap rule of time/wall-clock.ts. Each hand-off is rebuilt from the first, so a
 * daylight-saving change makes one period an hour shorter or longer and never drags later hand-offs off the grid.
 */
function wallClockSchedule(
  rotation: RotationSpec,
  firstDate: LocalDate,
  periodMinutes: number,
  calendarDaysPerPeriod: number | null,
): HandoffSchedule {
  const { timeZone } = rotation;
  const firstMinute = rotation.handoff.minute;
  const handoffAt = (period: number): number =>
    wallClockInstant(firstDate, firstMinute + period * periodMinutes, timeZone);
  const firstHandoff = handoffAt(0);
  const firstWall = Date.UTC(firstDate.year, firstDate.month - 1, firstDate.day, 0, firstMinute);
  const periodMs = periodMinutes * MS_PER_MINUTE;
  return {
    handoffAt,
    calendarDaysPerPeriod,
    periodContaining(instant) {
      if (instant < firstHandoff) return -1;
      // The wall-clock estimate is off by at most one period around a DST change; step to the exact one.
      let period = Math.max(0, Math.floor((wallTimeAt(instant, timeZone) - firstWall) / periodMs));
      while (period > 0 && handoffAt(period) > instant) period -= 1;
      while (handoffAt(period + 1) <= instant) period += 1;
      return period;
    },
  };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Month shifts hand off on the first day's date every `count` months, at the hand-off time; a date the month lacks
 * (the 31st in April) becomes the month's last day, as Temporal's "constrain" does, so no hand-off spills over.
 */
function monthSchedule(rotation: RotationSpec, firstDate: LocalDate, count: number): HandoffSchedule {
  const { timeZone } = rotation;
  const minute = rotation.handoff.minute;
  const handoffAt = (period: number): number => {
    const monthIndex = firstDate.month - 1 + period * count;
    const year = firstDate.year + Math.floor(monthIndex / 12);
    const month = (((monthIndex % 12) + 12) % 12) + 1;
    const date = { year, month, day: Math.min(firstDate.day, daysInMonth(year, month)) };
    return wallClockInstant(date, minute, timeZone);
  };
  const firstHandoff = handoffAt(0);
  return {
    handoffAt,
    calendarDaysPerPeriod: null,
    periodContaining(instant) {
      if (instant < firstHandoff) return -1;
      const wall = new Date(wallTimeAt(instant, timeZone));
      const months = (wall.getUTCFullYear() - firstDate.year) * 12 + (wall.getUTCMonth() + 1 - firstDate.month);
      let period = Math.max(0, Math.floor(months / count));
      while (period > 0 && handoffAt(period) > instant) period -= 1;
      while (handoffAt(period + 1) <= instant) period += 1;
      return period;
    },
  };
}

export function handoffSchedule(rotation: RotationSpec): HandoffSchedule {
  const { unit, count } = rotation.shiftLength;
  const startsOn = parseLocalDate(rotation.startsOn);
  if (unit === "months") return monthSchedule(rotation, startsOn, count);
  if (unit === "hours") return wallClockSchedule(rotation, startsOn, count * MINUTES_PER_HOUR, null);
  const days = unit === "weeks" ? count * 7 : count;
  return wallClockSchedule(
    rotation,
    onOrAfterWeekday(startsOn, rotation.handoff.weekday),
    days * MINUTES_PER_DAY,
    days,
  );
}
