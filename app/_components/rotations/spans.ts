import { DateTime } from "luxon";

/** "Mon 30 Nov, 09:00" on the wall clock of `zone`. */
export function instantText(at: Date, zone: string): string {
  return DateTime.fromJSDate(at, { zone }).toFormat("ccc d LLL, HH:mm");
}

/**
 * The instants a shift, cover or turn starts and ends: "Mon 30 Nov 09:00 – Mon 7 Dec 09:00", or "Mon 30 Nov
 * 09:00–17:00" within one day. A report period's days read with `periodDaysText` (reports/period.ts) instead.
 */
export function spanText(startsAt: Date, endsAt: Date, zone: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone });
  const end = DateTime.fromJSDate(endsAt, { zone });
  if (start.hasSame(end, "day")) return `${start.toFormat("ccc d LLL HH:mm")}–${end.toFormat("HH:mm")}`;
  return `${start.toFormat("ccc d LLL HH:mm")} – ${end.toFormat("ccc d LLL HH:mm")}`;
}

/** "Mon–Sun": the days a span touches, for a week cell. */
export function weekdayRange(startsAt: Date, endsAt: Date, zone: string): string {
  const start = DateTime.fromJSDate(startsAt, { zone });
  // The last moment inside the span, so a shift ending at midnight does not claim the next day.
  const last = DateTime.fromJSDate(new Date(endsAt.getTime() - 1), { zone });
  // The same date on the one wall clock (luxon's hasSame converts three times to say so).
  const sameDay = start.day === last.day && start.month === last.month && start.year === last.year;
  return sameDay ? start.toFormat("ccc") : `${start.toFormat("ccc")}–${last.toFormat("ccc")}`;
}
