import "server-only";
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import { vtimezone } from "./vtimezone";

export interface FeedEvent {
  rotationId: string;
  personId: string;
  start: number;
  end: number;
  /** The rotation's zone: events show its wall clock, as hand-offs follow it. */
  timeZone: string;
  summary: string;
  description: string;
}

export interface Feed {
  name: string;
  description: string;
  timeZone: string;
  events: readonly FeedEvent[];
  now: Date;
}

/** The same shift always gets the same UID, so a refreshed feed updates events instead of duplicating them. */
export function shiftUid(event: Pick<FeedEvent, "rotationId" | "personId" | "start" | "end">): string {
  const digest = createHash("sha256")
    .update(`${event.rotationId}|${event.personId}|${event.start}|${event.end}`)
    .digest("hex");
  return `shift-${digest.slice(0, 32)}@toilcap`;
}

/** Calendar clients refetch subscribed feeds on their own schedule; this asks for hourly. */
const REFRESH = "PT1H";
const CRLF = "\r\n";
/** RFC 5545 §3.1: lines longer than 75 octets are folded. */
const MAX_LINE_OCTETS = 75;

/**
 * TEXT values (RFC 5545 §3.3.11): backslash, semicolon and comma escaped, every line break written as `\n`, and
 * other control characters dropped, so no value can end its line and start a property or component of its own.
 */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|[\r\n\u2028\u2029\u0085]/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, "");
}

/** Folds a content line at 75 octets, never inside a UTF-8 sequence or a surrogate pair. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, "utf8");
    // Continuation lines start with a space, which counts towards their 75 octets.
    const limit = parts.length === 0 ? MAX_LINE_OCTETS : MAX_LINE_OCTETS - 1;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join(`${CRLF} `);
}

const utcStamp = (at: number) => DateTime.fromMillis(at, { zone: "utc" }).toFormat("yyyyLLdd'T'HHmmss'Z'");
const localTime = (at: number, zone: string) => DateTime.fromMillis(at, { zone }).toFormat("yyyyLLdd'T'HHmmss");

function eventLines(event: FeedEvent, now: Date): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${shiftUid(event)}`,
    `DTSTAMP:${utcStamp(now.getTime())}`,
    `DTSTART;TZID=${event.timeZone}:${localTime(event.start, event.timeZone)}`,
    `DTEND;TZID=${event.timeZone}:${localTime(event.end, event.timeZone)}`,
    `SUMMARY:${escapeText(event.summary)}`,
    `DESCRIPTION:${escapeText(event.description)}`,
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ];
}

function timeZoneLines(feed: Feed): string[] {
  const zones = [...new Set(feed.events.map((event) => event.timeZone))].sort();
  const years = feed.events.flatMap((e) => [
    DateTime.fromMillis(e.start, { zone: e.timeZone }).year,
    DateTime.fromMillis(e.end, { zone: e.timeZone }).year,
  ]);
  const nowYear = DateTime.fromJSDate(feed.now, { zone: feed.timeZone }).year;
  const [fromYear, toYear] = [Math.min(nowYear, ...years), Math.max(nowYear, ...years)];
  return zones.flatMap((zone) => vtimezone(zone, fromYear, toYear)?.split(CRLF) ?? []);
}

/**
 * An RFC 5545 calendar with one VEVENT per shift, times in each rotation's zone with its VTIMEZONE. Calendar
 * properties come first, then the components; every line is folded and ends with CRLF, the last one included.
 */
export function buildIcs(feed: Feed): string {
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Toilcap//Rotations//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `NAME:${escapeText(feed.name)}`,
    `X-WR-CALNAME:${escapeText(feed.name)}`,
    `DESCRIPTION:${escapeText(feed.description)}`,
    `X-WR-CALDESC:${escapeText(feed.description)}`,
    // No calendar-wide zone for times: DTSTAMP stays UTC as RFC 5545 requires; each event carries its TZID.
    `X-WR-TIMEZONE:${escapeText(feed.timeZone)}`,
    `REFRESH-INTERVAL;VALUE=DURATION:${REFRESH}`,
    `X-PUBLISHED-TTL:${REFRESH}`,
    ...timeZoneLines(feed),
    ...feed.events.flatMap((event) => eventLines(event, feed.now)),
    "END:VCALENDAR",
  ];
  return lines.map(foldLine).join(CRLF) + CRLF;
}
