import fc from "fast-check";
import { DateTime } from "luxon";
import { Temporal } from "temporal-polyfill";
import { describe, expect, test } from "vitest";
import { at, utc, zoneArb } from "../../testing/time-fixtures";
import { parseLocalDate, type LocalDate } from "./calendar";
import { MINUTE_MS } from "./intervals";
import {
  isValidTimeZone,
  localDateOf,
  localDayStart,
  localMinuteOfDay,
  wallClockInstant,
  wallTimeAt,
} from "./wall-clock";

const hm = (h: number, m = 0) => h * 60 + m;
const shows = (instant: number, zone: string): string =>
  DateTime.fromMillis(instant, { zone }).toFormat("yyyy-MM-dd'T'HH:mmZZ");

/** Zones whose clocks change in every awkward way: both hemispheres, half-hour changes, midnight changes, a skipped day. */
const DST_ZONES = [
  "Europe/Berlin",
  "America/Chicago",
  "America/New_York",
  "Australia/Sydney",
  "Australia/Lord_Howe",
  "America/Sao_Paulo",
  "America/Santiago",
  "America/Havana",
  "Pacific/Chatham",
  "Pacific/Apia",
  "Asia/Kolkata",
  "UTC",
];

describe("the one rule for wall times that do not exist or exist twice (RFC 5545 / Temporal 'compatible')", () => {
  test.each([
    // A skipped wall time moves forward by the gap's length.
    {
      zone: "Europe/Berlin",
      date: "2026-03-29",
      minute: hm(2, 30),
      shows: "2026-03-29T03:30+02:00",
      why: "gap: forward an hour",
    },
    {
      zone: "Europe/Berlin",
      date: "2026-03-29",
      minute: hm(3),
      shows: "2026-03-29T03:00+02:00",
      why: "the first wall time after the gap",
    },
    {
      zone: "America/Chicago",
      date: "2026-03-08",
      minute: hm(2, 30),
      shows: "2026-03-08T03:30-05:00",
      why: "gap: forward an hour",
    },
    {
      zone: "Australia/Lord_Howe",
      date: "2026-10-04",
      minute: hm(2, 5),
      shows: "2026-10-04T02:35+11:00",
      why: "half-hour gap: forward 30 min",
    },
    {
      zone: "Australia/Sydney",
      date: "2026-10-04",
      minute: hm(2, 30),
      shows: "2026-10-04T03:30+11:00",
      why: "southern spring-forward",
    },
    {
      zone: "Pacific/Chatham",
      date: "2026-09-27",
      minute: hm(3),
      shows: "2026-09-27T04:00+13:45",
      why: "+12:45 gap at 02:45",
    },
    {
      zone: "America/Sao_Paulo",
      date: "2018-11-04",
      minute: hm(0),
      shows: "2018-11-04T01:00-02:00",
      why: "midnight skipped",
    },
    {
      zone: "America/Sao_Paulo",
      date: "2018-11-04",
      minute: hm(0, 30),
      shows: "2018-11-04T01:30-02:00",
      why: "inside the midnight gap",
    },
    {
      zone: "America/Santiago",
      date: "2026-09-06",
      minute: hm(0),
      shows: "2026-09-06T01:00-03:00",
      why: "midnight skipped",
    },
    {
      zone: "Pacific/Apia",
      date: "2011-12-30",
      minute: hm(9),
      shows: "2011-12-31T09:00+14:00",
      why: "a whole skipped day: forward 24 h",
    },
    // A repeated wall time takes its first occurrence.
    {
      zone: "Europe/Berlin",
      date: "2026-10-25",
      minute: hm(2, 30),
      shows: "2026-10-25T02:30+02:00",
      why: "overlap: first occurrence",
    },
    {
      zone: "America/Chicago",
      date: "2026-11-01",
      minute: hm(1, 30),
      shows: "2026-11-01T01:30-05:00",
      why: "overlap: first occurrence",
    },
    {
      zone: "Australia/Lord_Howe",
      date: "2026-04-05",
      minute: hm(1, 45),
      shows: "2026-04-05T01:45+11:00",
      why: "half-hour overlap: first occurrence",
    },
    {
      zone: "Australia/Sydney",
      date: "2026-04-05",
      minute: hm(2, 30),
      shows: "2026-04-05T02:30+11:00",
      why: "southern overlap: first occurrence",
    },
    {
      zone: "America/Sao_Paulo",
      date: "2019-02-16",
      minute: hm(23, 30),
      shows: "2019-02-16T23:30-02:00",
      why: "overlap before midnight: first occurrence",
    },
    // Wall times that exist once.
    { zone: "Asia/Kolkata", date: "2026-03-02", minute: hm(9), shows: "2026-03-02T09:00+05:30", why: "no DST" },
    {
      zone: "Europe/Berlin",
      date: "2026-07-01",
      minute: hm(24),
      shows: "2026-07-02T00:00+02:00",
      why: "minute 1440 is the next midnight",
    },
    {
      zone: "Europe/Berlin",
      date: "2026-03-02",
      minute: hm(24 + 7),
      shows: "2026-03-03T07:00+01:00",
      why: "minutes past midnight reach the next day",
    },
  ])("$zone $date $minute min: $why", ({ zone, date, minute, shows: expected }) => {
    expect(shows(wallClockInstant(parseLocalDate(date), minute, zone), zone)).toBe(expected);
  });

  const transitionDay = fc.constantFrom(
    "2026-03-08",
    "2026-03-29",
    "2026-04-05",
    "2026-09-06",
    "2026-09-27",
    "2026-10-04",
    "2026-10-25",
    "2026-11-01",
    "2018-11-04",
    "2019-02-16",
    "2011-12-29",
    "2011-12-30",
    "2011-12-31",
    "2026-03-02",
    "2026-07-01",
  );
  const wallTime = fc.record({
    zone: fc.constantFrom(...DST_ZONES),
    date: transitionDay.map(parseLocalDate),
    minute: fc.integer({ min: 0, max: 1439 }),
  });

  test("agrees with Temporal's 'compatible' disambiguation", () => {
    fc.assert(
      fc.property(wallTime, ({ zone, date, minute }) => {
        const temporal = Temporal.PlainDateTime.from({
          ...date,
          hour: Math.floor(minute / 60),
          minute: minute % 60,
        }).toZonedDateTime(zone, { disambiguation: "compatible" });
        expect(wallClockInstant(date, minute, zone)).toBe(temporal.epochMilliseconds);
      }),
      { numRuns: 1000 },
    );
  });

  test("shows the asked wall time whenever it exists, and otherwise a later one by the gap's length", () => {
    fc.assert(
      fc.property(wallTime, ({ zone, date, minute }) => {
        const instant = wallClockInstant(date, minute, zone);
        const asked = Date.UTC(date.year, date.month - 1, date.day) + minute * MINUTE_MS;
        const shown = wallTimeAt(instant, zone);
        const existing = DateTime.fromObject({ ...date, hour: Math.floor(minute / 60), minute: minute % 60 }, { zone });
        if (existing.hour * 60 + existing.minute === minute && existing.day === date.day) {
          expect(shown).toBe(asked);
          // No earlier instant shows it: this is its first occurrence.
          for (let back = MINUTE_MS; back <= 3 * 60 * MINUTE_MS; back += MINUTE_MS) {
            expect(wallTimeAt(instant - back, zone)).not.toBe(asked);
          }
        } else {
          const gap =
            wallTimeAt(instant, zone) -
            instant -
            (wallTimeAt(instant - 26 * 60 * MINUTE_MS, zone) - (instant - 26 * 60 * MINUTE_MS));
          expect(shown - asked).toBe(gap);
        }
      }),
      { numRuns: 500 },
    );
  });

  test("round trips: any instant's own wall time maps back to it, or to the first occurrence of a repeated time", () => {
    fc.assert(
      fc.property(
        zoneArb,
        fc.integer({ min: utc("2000-01-01T00:00:00Z"), max: utc("2040-01-01T00:00:00Z") }),
        (zone, raw) => {
          const instant = raw - (raw % MINUTE_MS);
          const back = wallClockInstant(localDateOf(instant, zone), localMinuteOfDay(instant, zone), zone);
          expect(wallTimeAt(back, zone)).toBe(wallTimeAt(instant, zone));
          expect(back).toBeLessThanOrEqual(instant);
          // The only way back differs is the repeated hour (or Chatham's repeated 60 min).
          expect([0, 60 * MINUTE_MS]).toContain(instant - back);
          expect(wallClockInstant(localDateOf(back, zone), localMinuteOfDay(back, zone), zone)).toBe(back);
        },
      ),
      { numRuns: 300 },
    );
  });

  test("never runs backwards as the wall clock advances", () => {
    fc.assert(
      fc.property(wallTime, fc.integer({ min: 0, max: 1439 }), ({ zone, date, minute }, other) => {
        const [early, late] = minute <= other ? [minute, other] : [other, minute];
        expect(wallClockInstant(date, early, zone)).toBeLessThanOrEqual(wallClockInstant(date, late, zone));
      }),
      { numRuns: 300 },
    );
  });

  test("rejects an unknown zone instead of silently using UTC", () => {
    expect(() => wallClockInstant(parseLocalDate("2026-03-02"), 0, "Mars/Olympus")).toThrow(RangeError);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("")).toBe(false);
    expect(isValidTimeZone("Pacific/Chatham")).toBe(true);
  });
});

describe("local calendar helpers", () => {
  const date = (iso: string): LocalDate => parseLocalDate(iso);

  test("localDayStart is local midnight, 23 h or 25 h before the next on DST days", () => {
    const springForward = localDayStart(at("2026-03-29T12:00", "Europe/Berlin"), "Europe/Berlin");
    const nextDay = localDayStart(at("2026-03-30T12:00", "Europe/Berlin"), "Europe/Berlin");
    expect(springForward).toBe(utc("2026-03-28T23:00:00Z"));
    expect(nextDay - springForward).toBe(23 * 3_600_000);

    const fallBack = localDayStart(at("2026-10-25T12:00", "Europe/Berlin"), "Europe/Berlin");
    expect(localDayStart(at("2026-10-26T12:00", "Europe/Berlin"), "Europe/Berlin") - fallBack).toBe(25 * 3_600_000);
  });

  test("a day whose midnight is skipped starts when the clock jumps (Havana, São Paulo)", () => {
    expect(localDayStart(at("2026-03-08T12:00", "America/Havana"), "America/Havana")).toBe(utc("2026-03-08T05:00:00Z"));
    expect(localDayStart(at("2018-11-04T12:00", "America/Sao_Paulo"), "America/Sao_Paulo")).toBe(
      utc("2018-11-04T03:00:00Z"),
    );
  });

  test("the local date depends on the zone", () => {
    const instant = utc("2026-03-31T23:30:00Z");
    expect(localDateOf(instant, "Europe/Berlin")).toEqual(date("2026-04-01"));
    expect(localDateOf(instant, "America/New_York")).toEqual(date("2026-03-31"));
    expect(localMinuteOfDay(instant, "Asia/Kolkata")).toBe(hm(5));
  });

  test("local dates agree with luxon at any instant and zone", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_208_988_800_000, max: 10_413_792_000_000 }),
        fc.constantFrom(...DST_ZONES),
        (instant, zone) => {
          const local = DateTime.fromMillis(instant, { zone });
          expect(localDateOf(instant, zone)).toEqual({ year: local.year, month: local.month, day: local.day });
        },
      ),
      { numRuns: 400 },
    );
  });
});
