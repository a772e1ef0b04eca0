import { DateTime } from "luxon";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

export function weekdayName(isoWeekday: number): string {
  return WEEKDAYS[isoWeekday - 1] ?? "?";
}

export function clockTime(minuteOfDay: number): string {
  const h = Math.floor(minuteOfDay / 60);
  const m = minuteOfDay % 60;
  return `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`;
}

// One duration format for pages and server text; negative durations keep their sign ("-1 h 30 min").
export { formatMinutes } from "@/server/domain/accounting/duration";

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** A date and time on the viewer's own wall clock. */
export function localDateTime(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("ccc d LLL, HH:mm");
}

/** A calendar day on the viewer's own wall clock, such as "2 Nov 2026". */
export function localDate(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat("d LLL yyyy");
}
