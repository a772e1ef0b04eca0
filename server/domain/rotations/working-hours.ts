import { addDays, clipTo, compareDates, isoWeekday, localDateOf, wallClockInstant } from "../time";
import type { Interval, WorkingHours } from "./types";

/** The working-hour intervals of `timeZone`'s wall clock inside `range`, in order. */
export function workingIntervals(range: Interval, hours: WorkingHours, timeZone: string): Interval[] {
  const pieces: Interval[] = [];
  if (range.end <= range.start) return pieces;
  const lastDate = localDateOf(range.end, timeZone);
  for (let date = localDateOf(range.start, timeZone); compareDates(date, lastDate) <= 0; date = addDays(date, 1)) {
    if (!hours.days.includes(isoWeekday(date))) continue;
    const workday = {
      start: wallClockInstant(date, hours.startMinute, timeZone),
      end: wallClockInstant(date, hours.endMinute, timeZone),
    };
    const piece = clipTo(workday, range);
    if (piece) pieces.push(piece);
  }
  return pieces;
}
