import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import {
  computeAccounting,
  isProvisional,
  periodWindow,
  type AccountingFacts,
  type Shift,
  type WorkEntry,
} from "../accounting";
import { DEFAULT_WORK_PATTERN, MINUTE_MS } from "../time";
import { at, HOUR_MS, zoneArb } from "../../testing/time-fixtures";
import { capFindings, type TeamCaps } from "./findings";
import { countedSpan } from "../accounting";
import { periodShares } from "./period-shares";

const BERLIN = "Europe/Berlin";
const CAPS: TeamCaps = { toilCap: 0.5, onCallCap: 0.25 };
// Wednesday 12 March 2025, 17:00 in Berlin: March is the month Berlin moves to summer time (Sunday 30th).
const NOW = at("2025-03-12T17:00", BERLIN);
const MARCH = periodWindow("month", NOW, BERLIN);
// Mon-Fri 09:00-17:00: 3-7 and 10-12 March so far (8 days), 21 working days in the whole month.
const SO_FAR = 8 * 480;
const WHOLE = 21 * 480;

const toil = (isoLocal: string, minutes: number, zone = BERLIN): WorkEntry => ({
  start: at(isoLocal, zone),
  minutes,
  category: "toil",
});
const shift = (role: Shift["role"], from: string, to: string, zone = BERLIN): Shift => ({
  role,
  start: at(from, zone),
  end: at(to, zone),
});
const days = (isoDates: string[], minutes = 480) => isoDates.map((d) => toil(`${d}T09:00`, minutes));
const FIRST_WEEK = ["2025-03-03", "2025-03-04", "2025-03-05", "2025-03-06", "2025-03-07"];

function facts(changes: Partial<AccountingFacts> = {}): AccountingFacts {
  return { timeZone: BERLIN, workPattern: DEFAULT_WORK_PATTERN, absences: [], shifts: [], entries: [], ...changes };
}

describe("periodShares: the month so far and as scheduled to its end", () => {
  test("March in Berlin runs from local midnight to local midnight, an hour short for summer time", () => {
    expect(MARCH).toEqual({ start: Date.parse("2025-02-28T23:00:00Z"), end: Date.parse("2025-03-31T22:00:00Z") });
    expect(MARCH.end - MARCH.start).toBe((31 * 24 - 1) * HOUR_MS);
    expect(countedSpan(MARCH, NOW)).toEqual({ start: MARCH.start, end: NOW });
  });

  test.each([
    {
      name: "five days of toil so far: actually over, the month as a whole would not be",
      facts: facts({ entries: days(FIRST_WEEK) }),
      actual: { toil: 2400 / SO_FAR, onCall: 0 },
      projected: { toil: 2400 / WHOLE, onCall: 0 },
      findings: [{ kind: "toil", share: 2400 / SO_FAR, projected: false }],
    },
    {
      name: "primary on call from tomorrow to the month's end (across the change to summer time): both caps projected",
      facts: facts({ shifts: [shift("primary", "2025-03-13T09:00", "2025-04-01T09:00")] }),
      actual: { toil: 0, onCall: 0 },
      // 13, 14, 17-21, 24-28 and 31 March: 13 days of duty.
      projected: { toil: (13 * 480) / WHOLE, onCall: (13 * 480) / WHOLE },
      findings: [
        { kind: "toil", share: (13 * 480) / WHOLE, projected: true },
        { kind: "on-call", share: (13 * 480) / WHOLE, projected: true },
      ],
    },
    {
      name: "ticket duty is toil but not on call",
      facts: facts({ shifts: [shift("ticket", "2025-03-13T09:00", "2025-04-01T09:00")] }),
      actual: { toil: 0, onCall: 0 },
      projected: { toil: (13 * 480) / WHOLE, onCall: 0 },
      findings: [{ kind: "toil", share: (13 * 480) / WHOLE, projected: true }],
    },
    {
      name: "shadowing is not duty",
      facts: facts({ shifts: [shift("shadow", "2025-03-13T09:00", "2025-04-01T09:00")] }),
      actual: { toil: 0, onCall: 0 },
      projected: { toil: 0, onCall: 0 },
      findings: [],
    },
    {
      name: "exactly at the cap is not over it",
      facts: facts({ entries: days(FIRST_WEEK.slice(0, 4)) }),
      actual: { toil: 0.5, onCall: 0 },
      projected: { toil: 1920 / WHOLE, onCall: 0 },
      findings: [],
    },
    {
      name: "a Saturday's toil is after hours: operational and worked both grow",
      facts: facts({ entries: [...days(FIRST_WEEK.slice(0, 4)), toil("2025-03-08T10:00", 480)] }),
      actual: { toil: 2400 / (SO_FAR + 480), onCall: 0 },
      projected: { toil: 2400 / (WHOLE + 480), onCall: 0 },
      findings: [{ kind: "toil", share: 2400 / (SO_FAR + 480), projected: false }],
    },
    {
      name: "leave for the rest of the month: nothing more is scheduled, and a shift during it is no duty",
      facts: facts({
        entries: days(FIRST_WEEK.slice(0, 3)),
        absences: [{ start: at("2025-03-13T00:00", BERLIN), end: at("2025-04-01T00:00", BERLIN) }],
        shifts: [shift("primary", "2025-03-17T09:00", "2025-03-24T09:00")],
      }),
      actual: { toil: 1440 / SO_FAR, onCall: 0 },
      projected: { toil: 1440 / SO_FAR, onCall: 0 },
      findings: [],
    },
    {
      name: "over already and projected over too: the actual breach is the one found",
      facts: facts({ entries: days(FIRST_WEEK), shifts: [shift("primary", "2025-03-13T09:00", "2025-04-01T09:00")] }),
      actual: { toil: 2400 / SO_FAR, onCall: 0 },
      projected: { toil: (2400 + 13 * 480) / WHOLE, onCall: (13 * 480) / WHOLE },
      findings: [
        { kind: "toil", share: 2400 / SO_FAR, projected: false },
        { kind: "on-call", share: (13 * 480) / WHOLE, projected: true },
      ],
    },
    {
      name: "toil dated after now is a plan, not logged work: the projection leaves it out",
      facts: facts({
        entries: days(["2025-03-17", "2025-03-18", "2025-03-19", "2025-03-20", "2025-03-21", "2025-03-24"]),
      }),
      actual: { toil: 0, onCall: 0 },
      projected: { toil: 0, onCall: 0 },
      findings: [],
    },
    {
      name: "on call all of last week: the on-call share so far is over its cap",
      facts: facts({ shifts: [shift("secondary", "2025-03-03T09:00", "2025-03-10T09:00")] }),
      actual: { toil: 2400 / SO_FAR, onCall: 2400 / SO_FAR },
      projected: { toil: 2400 / WHOLE, onCall: 2400 / WHOLE },
      findings: [
        { kind: "toil", share: 2400 / SO_FAR, projected: false },
        { kind: "on-call", share: 2400 / SO_FAR, projected: false },
      ],
    },
  ])("$name", ({ facts: given, actual, projected, findings }) => {
    const shares = periodShares(given, MARCH, NOW);
    expect(shares.actual.toilShare).toBeCloseTo(actual.toil, 12);
    expect(shares.actual.onCallShare).toBeCloseTo(actual.onCall, 12);
    expect(shares.projected.toilShare).toBeCloseTo(projected.toil, 12);
    expect(shares.projected.onCallShare).toBeCloseTo(projected.onCall, 12);
    const found = capFindings(shares, CAPS);
    expect(found.map((f) => ({ kind: f.kind, projected: f.projected }))).toEqual(
      findings.map((f) => ({ kind: f.kind, projected: f.projected })),
    );
    found.forEach((f, i) => {
      expect(f.share).toBeCloseTo(findings[i]?.share ?? Number.NaN, 12);
    });
  });

  test("the actual part is exactly the report's accounting of [month start, now)", () => {
    const given = facts({
      entries: days(FIRST_WEEK),
      shifts: [shift("primary", "2025-03-10T09:00", "2025-03-17T09:00")],
    });
    expect(periodShares(given, MARCH, NOW).actual).toEqual(
      computeAccounting({ ...given, period: { start: MARCH.start, end: NOW } }),
    );
  });

  test("engineers in several zones: at one instant each counts their own calendar month", () => {
    // 22:30 UTC on 31 March 2025: already April in Berlin, Kolkata and Sydney, still March in New York and Los Angeles.
    const instant = Date.parse("2025-03-31T22:30:00Z");
    const rows = [
      { zone: "Europe/Berlin", month: "2025-04", start: "2025-03-31T22:00:00.000Z" },
      { zone: "Asia/Kolkata", month: "2025-04", start: "2025-03-31T18:30:00.000Z" },
      { zone: "Australia/Sydney", month: "2025-04", start: "2025-03-31T13:00:00.000Z" },
      { zone: "America/New_York", month: "2025-03", start: "2025-03-01T05:00:00.000Z" },
      { zone: "America/Los_Angeles", month: "2025-03", start: "2025-03-01T08:00:00.000Z" },
    ];
    for (const row of rows) {
      const month = periodWindow("month", instant, row.zone);
      expect(new Date(month.start).toISOString(), row.zone).toBe(row.start);
      expect(DateTime.fromMillis(month.start, { zone: row.zone }).toFormat("yyyy-MM"), row.zone).toBe(row.month);
    }
    // New York's March (summer time from the 9th) so far: 21 working days, all of them on its own 09:00-17:00.
    const nyMarch = periodWindow("month", instant, "America/New_York");
    const nyEntries = ["2025-03-03", "2025-03-04", "2025-03-05"].map((d) =>
      toil(`${d}T09:00`, 480, "America/New_York"),
    );
    const ny = periodShares(facts({ timeZone: "America/New_York", entries: nyEntries }), nyMarch, instant);
    expect(ny.actual.scheduled).toBe(21 * 480);
    expect(ny.actual.logged).toBe(3 * 480);
    // Berlin's April has only just begun: nothing is counted yet, the projection is the scheduled month.
    const berlinApril = periodWindow("month", instant, BERLIN);
    const berlin = periodShares(
      facts({ shifts: [shift("primary", "2025-04-07T09:00", "2025-04-21T09:00")] }),
      berlinApril,
      instant,
    );
    expect(berlin.actual.worked).toBe(0);
    expect(berlin.actual.toilShare).toBe(0);
    expect(berlin.projected.scheduled).toBe(22 * 480);
    expect(berlin.projected.toilShare).toBeCloseTo(10 / 22, 12);
    expect(capFindings(berlin, CAPS).map((f) => [f.kind, f.projected])).toEqual([["on-call", true]]);
  });
});

describe("provisional shares are never breaches", () => {
  // Monday 2 March 2026 in Berlin, the month's first working day, 08:40: nothing scheduled is behind it yet.
  const monday = at("2026-03-02T08:40", BERLIN);
  const march = periodWindow("month", monday, BERLIN);
  const early = (isoLocal: string) => at(isoLocal, BERLIN);

  test.each([
    {
      name: "25 minutes before the workday: 100% so far, provisional, no breach",
      facts: facts({ entries: [toil("2026-03-02T08:10", 25)] }),
      findings: [],
    },
    {
      name: "on call from 08:00 for the week: nothing scheduled yet, and a week of 22 working days is under both caps",
      facts: facts({ shifts: [shift("primary", "2026-03-02T08:00", "2026-03-09T08:00")] }),
      findings: [],
    },
    {
      name: "on call the whole month: the month-end projection still warns",
      facts: facts({ shifts: [{ role: "primary" as const, start: early("2026-03-02T08:00"), end: march.end }] }),
      findings: [
        { kind: "toil", projected: true },
        { kind: "on-call", projected: true },
      ],
    },
  ])("$name", ({ facts: given, findings }) => {
    const shares = periodShares(given, march, monday);
    expect(isProvisional(shares.actual)).toBe(true);
    expect(capFindings(shares, CAPS).map((f) => ({ kind: f.kind, projected: f.projected }))).toEqual(findings);
  });

  test("a first working day all toil: 100% yet provisional until 8 hours are scheduled, then a breach", () => {
    // March 2026: Monday the 2nd and Tuesday the 3rd 09:00-10:00 are 9 scheduled hours by Tuesday 10:00.
    const entries = [toil("2026-03-02T09:00", 480), toil("2026-03-03T09:00", 60)];
    const mondayEvening = periodShares(facts({ entries }), march, at("2026-03-02T16:59", BERLIN));
    expect(mondayEvening.actual.toilShare).toBe(1);
    expect(capFindings(mondayEvening, CAPS)).toEqual([]);
    const tuesdayTen = periodShares(facts({ entries }), march, at("2026-03-03T10:00", BERLIN));
    expect(tuesdayTen.actual.scheduled).toBe(540);
    expect(capFindings(tuesdayTen, CAPS)).toEqual([{ kind: "toil", share: 1, cap: 0.5, projected: false }]);
  });
});

describe("periodShares properties", () => {
  const scenario = fc
    .record({
      zone: zoneArb,
      monthOffset: fc.integer({ min: 0, max: 11 }),
      nowFraction: fc.double({ min: 0, max: 1, noNaN: true }),
      entries: fc.array(fc.tuple(fc.integer({ min: 0, max: 31 * 24 * 60 }), fc.integer({ min: 1, max: 600 })), {
        maxLength: 12,
      }),
      shifts: fc.array(
        fc.tuple(
          fc.integer({ min: -3 * 24 * 60, max: 31 * 24 * 60 }),
          fc.integer({ min: 60, max: 8 * 24 * 60 }),
          fc.constantFrom<Shift["role"]>("primary", "secondary", "ticket", "shadow"),
        ),
        { maxLength: 4 },
      ),
      absences: fc.array(
        fc.tuple(fc.integer({ min: 0, max: 31 * 24 * 60 }), fc.integer({ min: 60, max: 7 * 24 * 60 })),
        { maxLength: 2 },
      ),
      caps: fc.record({ toilCap: fc.constantFrom(0.3, 0.5, 0.7), onCallCap: fc.constantFrom(0.1, 0.25, 0.4) }),
    })
    .map(({ zone, monthOffset, nowFraction, entries, shifts, absences, caps }) => {
      const month = periodWindow(
        "month",
        DateTime.fromObject({ year: 2026, month: 1 + monthOffset, day: 15 }, { zone }).toMillis(),
        zone,
      );
      const minute = (m: number) => month.start + m * MINUTE_MS;
      return {
        month,
        now: Math.round(month.start + nowFraction * (month.end - month.start)),
        caps,
        facts: facts({
          timeZone: zone,
          entries: entries.map(([m, minutes]): WorkEntry => ({ start: minute(m), minutes, category: "toil" })),
          shifts: shifts.map(([m, length, role]): Shift => ({ role, start: minute(m), end: minute(m + length) })),
          absences: absences.map(([m, length]) => ({ start: minute(m), end: minute(m + length) })),
        }),
      };
    });

  test("the projection never counts less than has happened, and the whole month's scheduled time", () => {
    fc.assert(
      fc.property(scenario, ({ month, now, facts: given }) => {
        const { actual, projected } = periodShares(given, month, now);
        expect(projected.operational).toBeGreaterThanOrEqual(actual.operational - 1e-9);
        expect(projected.worked).toBeGreaterThanOrEqual(actual.worked - 1e-9);
        expect(projected.scheduled).toBeCloseTo(
          computeAccounting({ ...given, period: month, entries: [] }).scheduled,
          9,
        );
        expect(projected.logged + projected.afterHours).toBeCloseTo(actual.logged + actual.afterHours, 9);
      }),
      { numRuns: 150 },
    );
  });

  test("at most one finding per cap; a projected one only when the actual share is within the cap", () => {
    fc.assert(
      fc.property(scenario, ({ month, now, facts: given, caps }) => {
        const shares = periodShares(given, month, now);
        const found = capFindings(shares, caps);
        expect(new Set(found.map((f) => f.kind)).size).toBe(found.length);
        for (const f of found) {
          const cap = f.kind === "toil" ? caps.toilCap : caps.onCallCap;
          const actual = f.kind === "toil" ? shares.actual.toilShare : shares.actual.onCallShare;
          expect(f.share).toBeGreaterThan(cap);
          expect(f.projected).toBe(isProvisional(shares.actual) || !(actual > cap));
          if (f.projected) expect(isProvisional(shares.projected)).toBe(false);
        }
        expect(found.some((f) => f.kind === "toil" && !f.projected)).toBe(
          !isProvisional(shares.actual) && shares.actual.toilShare > caps.toilCap,
        );
      }),
      { numRuns: 150 },
    );
  });
});
