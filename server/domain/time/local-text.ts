import { DateTime } from "luxon";
import { dateOfNaive, naiveMidnight } from "./calendar";
import { MINUTE_MS } from "./intervals";
import { wallClockInstant } from "./wall-clock";

export type TextFormat = "iso" | "sql";

function read(text: string, format: TextFormat, zone: string): DateTime {
  return format === "iso" ? DateTime.fromISO(text, { zone }) : DateTime.fromSQL(text, { zone });
}

/**
 * The instant a date or date-time text names: exactly, when the text carries an offset ("Z", "+01:00");
 * otherwise on the wall clock of `timeZone` by the one gap/overlap rule of wall-clock.ts (luxon's own
 * parsing picks either occurrence of a repeated time depending on the zone). Null when it is not a date.
 */
export function instantOfText(text: string, timeZone: string, format: TextFormat = "iso"): number | null {
  const naive = read(text, format, "UTC");
  if (!naive.isValid) return null;
  // Text with its own offset names the same instant whatever zone it is read in.
  if (read(text, format, "UTC+1").toMillis() === naive.toMillis()) return naive.toMillis();
  const wall = naive.toMillis();
  const date = dateOfNaive(wall);
  return wallClockInstant(date, (wall - naiveMidnight(date)) / MINUTE_MS, timeZone);
}
