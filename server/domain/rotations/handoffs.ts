import {
  addDays,
  calendarDateAt,
  daysBetween,
  isoWeekday,
  parseCalendarDate,
  wallClockInstant,
  wallClockInstantAfterDays,
  type CalendarDate,
} from "./wall-clock";
import type { RotationSpec } from "./types";

/** The hand-off instants of a rotation: hand-off n starts period n, which runs until hand-off n + 1. */
export interface HandoffSchedule {
  handoffAt(period: number): number;
  /** The period containing `instant`, or -1 before the first hand-off. */
  periodContaining(instant: number): number;
  /** Length of one period in calendar days, or null for "hours" shifts, which follow elapsed time. */
  calendarDaysPerPeriod: number | null;
}

/** The first date on or after `date` that falls on ISO `weekday`. */
function onOrAfterWeekday(date: CalendarDate, weekday: number): CalendarDate {
  return addDays(date, (weekday - isoWeekday(date) + 7) % 7);
}

function calendarSchedule(rotation: RotationSpec, daysPerPeriod: number): HandoffSchedule {
  const firstDate = onOrAfterWeekday(parseCalendarDate(rotation.startsOn), rotation.handoff.weekday);
  // Each hand-off is rebuilt from its date, so a DST-shifted hand-off never drags the next one off 09:00.
  const handoffAt = (period: number): number =>
    wallClockInstantAfterDays(firstDate, period * daysPerPeriod, rotation.handoff.minute, rotation.timeZone);
  return {
    handoffAt,
    calendarDaysPerPeriod: daysPerPeriod,
    periodContaining(instant) {
      if (instant < handoffAt(0)) return -1;
      const daysSinceFirst = daysBetween(firstDate, calendarDateAt(instant, rotation.timeZone));
      // The calendar estimate is off by at most one period (the hand-off time of day); step to the exact one.
      let period = Math.max(0, Math.floor(daysSinceFirst / daysPerPeriod));
      while (period > 0 && handoffAt(period) > instant) period -= 1;
      while (handoffAt(period + 1) <= instant) period += 1;
      return period;
    },
  };
}

/** Elapsed time, not wall-clock time: only "hours" shifts use it. */
const MS_PER_HOUR = 3_600_000;

function elapsedHoursSchedule(rotation: RotationSpec): HandoffSchedule {
  const first = wallClockInstant(parseCalendarDate(rotation.startsOn), rotation.handoff.minute, rotation.timeZone);
  // "hours" shifts count real elapsed hours, so across DST they drift by an hour on the wall clock.
  const periodMs = rotation.shiftLength.count * MS_PER_HOUR;
  const handoffAt = (period: number): number => first + period * periodMs;
  return {
    handoffAt,
    calendarDaysPerPeriod: null,
    periodContaining(instant) {
      return instant < first ? -1 : Math.floor((instant - first) / periodMs);
    },
  };
}

export function handoffSchedule(rotation: RotationSpec): HandoffSchedule {
  const { unit, count } = rotation.shiftLength;
  if (unit === "hours") return elapsedHoursSchedule(rotation);
  return calendarSchedule(rotation, unit === "weeks" ? count * 7 : count);
}
