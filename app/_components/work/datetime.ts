import { DateTime } from "luxon";
import { addDays, instantOfText, readLocalDate, wallClockInstant } from "@/server/domain/time";

const LOCAL_INPUT = "yyyy-LL-dd'T'HH:mm";

/** The value of a datetime-local input showing `at` on the wall clock of `zone`. */
export function toLocalInput(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat(LOCAL_INPUT);
}

/** The instant a datetime-local value means on the wall clock of `zone`, or null when it is not one. */
export function fromLocalInput(value: string, zone: string): Date | null {
  if (!value) return null;
  const instant = instantOfText(value, zone);
  return instant === null ? null : new Date(instant);
}

/** Midnight starting the day a date input names, on the wall clock of `zone`. */
export function startOfDateInput(value: string, zone: string): Date | null {
  const date = readLocalDate(value);
  return date ? new Date(wallClockInstant(date, 0, zone)) : null;
}

/** Midnight ending the day a date input names (the next day's start), so a last day is included whole. */
export function endOfDateInput(value: string, zone: string): Date | null {
  const date = readLocalDate(value);
  return date ? new Date(wallClockInstant(addDays(date, 1), 0, zone)) : null;
}

/** "09:30" on the wall clock of `zone`. */
export function clockOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("HH:mm");
}

/** "Mon 16 Nov" for a day in `zone`. */
export function dayOf(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("ccc d LLL");
}

/** The ISO date (yyyy-mm-dd) an instant falls on in `zone`. */
export function isoDateIn(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toISODate() ?? "";
}

/** A duration the way the duration field reads it back: "25m", "1h30", "2h". */
export function durationText(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}m`;
  return rest === 0 ? `${hours}h` : `${hours}h${String(rest).padStart(2, "0")}`;
}

/** Elapsed time of a running timer: "04:07", or "1:04:07" past an hour. */
export function elapsedText(milliseconds: number): string {
  const total = Math.max(0, Math.floor(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mmss = `${String(minutes).padStart(2, "0")}:${String(seconds).padStart(2, "0")}`;
  return hours > 0 ? `${hours}:${mmss}` : mmss;
}

/** Hours with one decimal, for breakdowns: "12.5 h". */
export function hoursText(minutes: number): string {
  const hours = Math.round((minutes / 60) * 10) / 10;
  return `${hours.toLocaleString("en-GB", { maximumFractionDigits: 1 })} h`;
}

/** A share with one decimal, so a single entry visibly moves it: "41.3%". */
export function shareText(share: number): string {
  return `${(Math.round(share * 1000) / 10).toFixed(1)}%`;
}

/** What a provisional share shows instead of a percentage: "too early to tell: 0.4 h counted". */
export function tooEarlyText(workedMinutes: number): string {
  return `too early to tell: ${hoursText(workedMinutes)} counted`;
}
