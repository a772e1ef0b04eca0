import { DateTime } from "luxon";

const FORMAT = "ccc d LLL yyyy HH:mm";

/** "Mon 30 Mar 2026 09:00 – Mon 6 Apr 2026 09:00 (Europe/Berlin)"; a fixed locale keeps messages stable across servers. */
export function formatSpan(start: number, end: number, timeZone: string): string {
  const show = (instant: number): string =>
    DateTime.fromMillis(instant, { zone: timeZone }).setLocale("en-GB").toFormat(FORMAT);
  return `${show(start)} – ${show(end)} (${timeZone})`;
}
