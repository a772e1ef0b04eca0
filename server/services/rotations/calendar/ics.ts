import "server-only";
import { createHash } from "node:crypto";
import ical, { ICalCalendarMethod } from "ical-generator";
import { DateTime } from "luxon";
import { vtimezoneGenerator } from "./vtimezone";

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
  const digest = createHash("sha256").update(`${event.rotationId}|${event.personId}|${event.start}|${event.end}`).digest("hex");
  return `shift-${digest.slice(0, 32)}@toilcap`;
}

/** Calendar clients refetch subscribed feeds on their own schedule; this asks for hourly. */
const REFRESH_SECONDS = 3600;

/** An RFC 5545 calendar with one VEVENT per shift, times in each rotation's zone with its VTIMEZONE. */
export function buildIcs(feed: Feed): string {
  const years = feed.events.flatMap((e) => [DateTime.fromMillis(e.start, { zone: e.timeZone }).year, DateTime.fromMillis(e.end, { zone: e.timeZone }).year]);
  const nowYear = DateTime.fromJSDate(feed.now, { zone: feed.timeZone }).year;
  const calendar = ical({
    name: feed.name,
    description: feed.description,
    prodId: { company: "Toilcap", product: "Rotations", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    // No calendar-wide zone: DTSTAMP stays UTC as RFC 5545 requires; each event carries its rotation's TZID.
    timezone: { name: null, generator: vtimezoneGenerator(Math.min(nowYear, ...years), Math.max(nowYear, ...years)) },
    ttl: REFRESH_SECONDS,
    x: { "X-WR-TIMEZONE": feed.timeZone },
  });
  for (const event of feed.events) {
    calendar.createEvent({
      id: shiftUid(event),
      start: DateTime.fromMillis(event.start, { zone: event.timeZone }),
      end: DateTime.fromMillis(event.end, { zone: event.timeZone }),
      timezone: event.timeZone,
      summary: event.summary,
      description: event.description,
      stamp: feed.now,
    });
  }
  return calendar.toString();
}
