import { describe, expect, test } from "vitest";
import { at } from "../../testing/time-fixtures";
import { DEFAULT_WORK_PATTERN, type Interval } from "../time";
import { onCallHours, type OnCallFacts } from "./person-hours";
import { payBandOf } from "./pay-bands";

const BERLIN = "Europe/Berlin";
const NEW_YORK = "America/New_York";
const hours = (minutes: number) => minutes / 60;

function facts(timeZone: string, shifts: OnCallFacts["shifts"], extra: Partial<OnCallFacts> = {}): OnCallFacts {
  return { timeZone, workPattern: DEFAULT_WORK_PATTERN, holidays: [], absences: [], shifts, pages: [], ...extra };
}

function week(zone: string, mondayFrom: string, mondayTo: string): Interval {
  return { start: at(`${mondayFrom}T09:00`, zone), end: at(`${mondayTo}T09:00`, zone) };
}

function bandHours(result: ReturnType<typeof onCallHours>) {
  return Object.fromEntries(Object.entries(result.byBand).map(([band, minutes]) => [band, hours(minutes)]));
}

describe("duty hours by band, a primary week from Monday 09:00", () => {
  test.each([
    [
      "Berlin, an ordinary week",
      BERLIN,
      "2026-03-16",
      "2026-03-23",
      { business: 40, evening: 35, night: 45, weekend: 48, holiday: 0 },
      168,
    ],
    [
      "Berlin, spring forward on Sunday 29 March",
      BERLIN,
      "2026-03-23",
      "2026-03-30",
      { business: 40, evening: 35, night: 45, weekend: 47, holiday: 0 },
      167,
    ],
    [
      "Berlin, fall back on Sunday 25 October",
      BERLIN,
      "2026-10-19",
      "2026-10-26",
      { business: 40, evening: 35, night: 45, weekend: 49, holiday: 0 },
      169,
    ],
    [
      "New York, spring forward on Sunday 8 March",
      NEW_YORK,
      "2026-03-02",
      "2026-03-09",
      { business: 40, evening: 35, night: 45, weekend: 47, holiday: 0 },
      167,
    ],
    [
      "New York, fall back on Sunday 1 November",
      NEW_YORK,
      "2026-10-26",
      "2026-11-02",
      { business: 40, evening: 35, night: 45, weekend: 49, holiday: 0 },
      169,
    ],
  ])("%s", (_name, zone, from, to, bands, total) => {
    const shift = week(zone, from, to);
    const result = onCallHours(facts(zone, [{ role: "primary", ...shift }]), {
      start: at(`${from}T00:00`, zone),
      end: at(`${to}T23:59`, zone),
    });
    expect(bandHours(result)).toEqual(bands);
    expect(hours(result.dutyMinutes)).toBe(total);
    expect(hours(result.byRole.primary)).toBe(total);
  });

  test("a public holiday takes its whole day from the other bands", () => {
    const holiday = { start: at("2026-03-18T00:00", BERLIN), end: at("2026-03-19T00:00", BERLIN) };
    const result = onCallHours(
      facts(BERLIN, [{ role: "primary", ...week(BERLIN, "2026-03-16", "2026-03-23") }], { holidays: [holiday] }),
      week(BERLIN, "2026-03-16", "2026-03-23"),
    );
    expect(bandHours(result)).toEqual({ business: 32, evening: 28, night: 36, weekend: 48, holiday: 24 });
  });

  test("the period clips the shift, roles count apart, shadow is not duty, overlaps count once", () => {
    const period = { start: at("2026-03-17T00:00", BERLIN), end: at("2026-03-18T00:00", BERLIN) };
    const result = onCallHours(
      facts(BERLIN, [
        { role: "primary", ...week(BERLIN, "2026-03-16", "2026-03-23") },
        { role: "ticket", start: at("2026-03-17T09:00", BERLIN), end: at("2026-03-17T17:00", BERLIN) },
        { role: "shadow", start: at("2026-03-16T09:00", BERLIN), end: at("2026-03-23T09:00", BERLIN) },
      ]),
      period,
    );
    expect(hours(result.dutyMinutes)).toBe(24);
    expect(hours(result.byRole.primary)).toBe(24);
    expect(hours(result.byRole.ticket)).toBe(8);
    expect(bandHours(result)).toEqual({ business: 8, evening: 7, night: 9, weekend: 0, holiday: 0 });
  });

  test("business hours follow the person's own pattern, on weekdays only", () => {
    const pattern = { days: [1, 2, 3, 4, 5, 6], startMinute: 10 * 60, endMinute: 14 * 60 };
    const result = onCallHours(
      facts(BERLIN, [{ role: "secondary", ...week(BERLIN, "2026-03-16", "2026-03-23") }], { workPattern: pattern }),
      week(BERLIN, "2026-03-16", "2026-03-23"),
    );
    expect(bandHours(result)).toEqual({ business: 20, evening: 55, night: 45, weekend: 48, holiday: 0 });
  });
});

describe("pages by band", () => {
  test.each([
    ["2026-03-17T10:00", "business"],
    ["2026-03-17T08:59", "evening"],
    ["2026-03-17T21:59", "evening"],
    ["2026-03-17T22:00", "night"],
    ["2026-03-18T06:59", "night"],
    ["2026-03-20T23:00", "night"],
    ["2026-03-21T12:00", "weekend"],
    ["2026-03-22T23:30", "weekend"],
    ["2026-03-29T02:30", "weekend"],
  ])("Berlin %s is %s", (local, band) => {
    expect(payBandOf(at(local, BERLIN), facts(BERLIN, []))).toBe(band);
  });

  test("the same instant is banded on each person's own clock", () => {
    const instant = at("2026-03-17T15:00", BERLIN);
    expect(payBandOf(instant, facts(BERLIN, []))).toBe("business");
    expect(payBandOf(instant, facts(NEW_YORK, []))).toBe("business");
    expect(payBandOf(instant, facts("Asia/Tokyo", []))).toBe("night");
  });
});

describe("rest after a night page", () => {
  const period = { start: at("2026-03-16T00:00", BERLIN), end: at("2026-03-23T00:00", BERLIN) };
  const page = (opened: string, resolved: string | null = null) => ({
    openedAt: at(opened, BERLIN),
    resolvedAt: resolved ? at(resolved, BERLIN) : null,
  });

  test.each([
    ["paged 23:30, resolved 00:15, due 09:00: 8.75 h", page("2026-03-17T23:30", "2026-03-18T00:15"), 8.75],
    ["paged 03:00, due 09:00 the same morning: 6 h", page("2026-03-18T03:00"), 6],
    ["paged 22:00, resolved 22:00: exactly 11 h is enough", page("2026-03-17T22:00"), null],
    ["paged 21:00 is not at night", page("2026-03-17T21:00", "2026-03-17T23:30"), null],
    ["paged Friday 23:00, due Monday", page("2026-03-20T23:00"), null],
    ["paged Sunday 23:00, due Monday 09:00: 10 h", page("2026-03-22T23:00"), 10],
  ])("%s", (_name, night, restHours) => {
    const result = onCallHours(facts(BERLIN, [], { pages: [night] }), {
      ...period,
      end: at("2026-03-23T00:00", BERLIN),
    });
    expect(result.restBreaches.map((b) => b.restHours)).toEqual(restHours === null ? [] : [restHours]);
  });

  test("nobody is due at work on leave", () => {
    const leave = { start: at("2026-03-18T00:00", BERLIN), end: at("2026-03-19T00:00", BERLIN) };
    const result = onCallHours(facts(BERLIN, [], { absences: [leave], pages: [page("2026-03-17T23:30")] }), period);
    expect(result.restBreaches).toEqual([]);
  });

  test("rest is elapsed time: the spring-forward night is an hour short", () => {
    // Someone due at work on Sundays, paged at 22:00 on Saturday 7 March in New York: 22:00 to 09:00 is 10 hours.
    const ny = onCallHours(
      facts(NEW_YORK, [], {
        workPattern: { days: [7], startMinute: 9 * 60, endMinute: 17 * 60 },
        pages: [{ openedAt: at("2026-03-07T22:00", NEW_YORK), resolvedAt: null }],
      }),
      { start: at("2026-03-07T00:00", NEW_YORK), end: at("2026-03-08T00:00", NEW_YORK) },
    );
    expect(ny.restBreaches.map((b) => b.restHours)).toEqual([10]);
    expect(ny.restBreaches[0]?.dueAt).toBe(at("2026-03-08T09:00", NEW_YORK));
  });
});
