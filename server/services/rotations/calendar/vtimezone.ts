import "server-only";
import { DateTime, FixedOffsetZone } from "luxon";
import { isValidTimeZone, offsetChanges, utcOffsetMinutes, wallClockInstant } from "@/server/domain/time";

/**
 * VTIMEZONE components (RFC 5545 §3.6.5) from luxon's time-zone data: one observance per offset change in the
 * years asked for, so clients need no tz database of their own.
 */

function offsetText(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}${String(abs % 60).padStart(2, "0")}`;
}

/** English locales whose CLDR data name different zones' abbreviations (CET in en-GB, EST in en-US, ACST in en-AU). */
const ABBREVIATION_LOCALES = ["en-US", "en-GB", "en-AU", "en-IN", "en-NZ", "en-CA"];
const OFFSET_NAME = /^(GMT|UTC)[+-]/;

/** The zone's usual abbreviation at an instant (CET, CEST, EDT), or null where none is known ("GMT+9"). */
export function abbreviationAt(timeZone: string, at: number): string | null {
  for (const locale of ABBREVIATION_LOCALES) {
    const name = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: "short" })
      .formatToParts(new Date(at))
      .find((part) => part.type === "timeZoneName")?.value;
    if (name && /^[A-Z]{2,6}$/.test(name) && !OFFSET_NAME.test(name)) return name;
  }
  return null;
}

function observance(timeZone: string, at: number, fromOffset: number, toOffset: number): string[] {
  const local = DateTime.fromMillis(at, { zone: FixedOffsetZone.instance(fromOffset) }).toFormat("yyyyLLdd'T'HHmmss");
  const inZone = DateTime.fromMillis(at, { zone: timeZone });
  const kind = inZone.isInDST ? "DAYLIGHT" : "STANDARD";
  return [
    `BEGIN:${kind}`,
    `DTSTART:${local}`,
    `TZOFFSETFROM:${offsetText(fromOffset)}`,
    `TZOFFSETTO:${offsetText(toOffset)}`,
    `TZNAME:${abbreviationAt(timeZone, at) ?? offsetText(toOffset)}`,
    `END:${kind}`,
  ];
}

/** A VTIMEZONE for `timeZone` covering the years `fromYear` to `toYear`, or null for an unknown zone. */
export function vtimezone(timeZone: string, fromYear: number, toYear: number): string | null {
  if (!isValidTimeZone(timeZone)) return null;
  const first = wallClockInstant({ year: fromYear, month: 1, day: 1 }, 0, timeZone);
  const last = wallClockInstant({ year: toYear + 1, month: 1, day: 1 }, 0, timeZone);
  const startOffset = utcOffsetMinutes(first, timeZone);
  const lines = ["BEGIN:VTIMEZONE", `TZID:${timeZone}`, ...observance(timeZone, first, startOffset, startOffset)];
  for (const change of offsetChanges(timeZone, first, last)) {
    lines.push(...observance(timeZone, change.at, change.before, change.after));
  }
  lines.push("END:VTIMEZONE");
  return lines.join("\r\n");
}
