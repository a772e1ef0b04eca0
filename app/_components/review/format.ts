import { DateTime } from "luxon";

/** "Fri 3 Apr": the last day a silence covers (it ends at midnight after it). */
export function lastDayText(until: Date, zone: string): string {
  return DateTime.fromJSDate(new Date(until.getTime() - 1), { zone }).toFormat("ccc d LLL");
}

/** The date input value of a silence's last day. */
export function lastDayInput(until: Date, zone: string): string {
  return DateTime.fromJSDate(new Date(until.getTime() - 1), { zone }).toISODate() ?? "";
}

/** Today plus `days` as a date input value, on the wall clock of `zone`. */
export function dayInputIn(days: number, zone: string): string {
  return DateTime.now().setZone(zone).plus({ days }).toISODate() ?? "";
}

/** "5.0" pages per incident: one decimal reads well at any size. */
export function ratioText(ratio: number): string {
  return (Math.round(ratio * 10) / 10).toFixed(1);
}
