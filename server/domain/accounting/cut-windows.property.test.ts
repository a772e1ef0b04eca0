import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { MINUTE_MS, type Interval, type WorkPattern } from "../time";
import { zoneArb } from "../../testing/time-fixtures";
import { computeAccounting, weeklyAccounting } from "./compute";
import { accountingByWindows, periodAndWeeks } from "./cut-windows";
import type { AccountingFacts, Shift, ShiftRole, WorkEntry } from "./types";

const DAYS = 40;

const patternArb: fc.Arbitrary<WorkPattern> = fc.oneof(
  fc.constant({ days: [1, 2, 3, 4, 5], startMinute: 540, endMinute: 1020 }),
  // Overnight and 24-hour patterns: days run into each other, and into the DST hours.
  fc.constant({ days: [1, 2, 3, 4, 5, 6, 7], startMinute: 0, endMinute: 1440 }),
  fc
    .record({
      days: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
      startMinute: fc.integer({ min: 0, max: 1439 }),
      length: fc.integer({ min: 30, max: 14 * 60 }),
    })
    .map(({ days, startMinute, length }) => ({ days, startMinute, endMinute: startMinute + length })),
);

const spanArb = (longest: number) =>
  fc.tuple(fc.integer({ min: -2 * 24 * 60, max: DAYS * 24 * 60 }), fc.integer({ min: 1, max: longest }));

/** Forty days of an engineer's data around March 2026's DST changes, on whole minutes. */
const scenarioArb = fc
  .record({
    timeZone: zoneArb,
    workPattern: patternArb,
    firstDay: fc.integer({ min: 40, max: 100 }),
    absences: fc.array(spanArb(4 * 24 * 60), { maxLength: 3 }),
    shifts: fc.array(
      fc.tuple(spanArb(8 * 24 * 60), fc.constantFrom<ShiftRole>("primary", "secondary", "ticket", "shadow")),
      { maxLength: 4 },
    ),
    entries: fc.array(
      fc.tuple(
        fc.integer({ min: -24 * 60, max: DAYS * 24 * 60 }),
        fc.integer({ min: 1, max: 600 }),
        fc.constantFrom<WorkEntry["category"]>("toil", "toil", "overhead"),
      ),
      { maxLength: 30 },
    ),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: DAYS * 24 - 1 }), { minLength: 1, maxLength: 8 }),
  })
  .map(({ timeZone, workPattern, firstDay, absences, shifts, entries, cuts }) => {
    const origin = DateTime.fromObject({ year: 2026, month: 1, day: 1 }, { zone: timeZone })
      .plus({ days: firstDay })
      .toMillis();
    const at = (minute: number) => origin + minute * MINUTE_MS;
    const facts: AccountingFacts = {
      timeZone,
      workPattern,
      absences: absences.map(([from, length]) => ({ start: at(from), end: at(from + length) })),
      shifts: shifts.map(([[from, length], role]): Shift => ({ role, start: at(from), end: at(from + length) })),
      entries: entries.map(([minute, minutes, category]): WorkEntry => ({ start: at(minute), minutes, category })),
    };
    // Windows between hour marks of the span, in order and touching, plus one overlapping them all.
    const marks = [0, ...[...cuts].sort((a, b) => a - b), DAYS * 24].map((hour) => origin + hour * 60 * MINUTE_MS);
    const windows: Interval[] = marks.slice(1).map((end, index) => ({ start: marks[index] ?? origin, end }));
    const span = { start: origin, end: origin + DAYS * 24 * 60 * MINUTE_MS };
    return {
      facts,
      span,
      windows: [...windows, { start: span.start + 7 * 60 * MINUTE_MS, end: span.end - 5 * MINUTE_MS }],
    };
  });

describe("accountingByWindows", () => {
  test("equals computeAccounting over each window, to the last digit", () => {
    fc.assert(
      fc.property(scenarioArb, ({ facts, span, windows }) => {
        expect(accountingByWindows(facts, span, windows)).toEqual(
          windows.map((period) => computeAccounting({ ...facts, period })),
        );
      }),
      { numRuns: 300 },
    );
  });

  test("equals weeklyAccounting on its touching windows", () => {
    fc.assert(
      fc.property(scenarioArb, ({ facts, span, windows }) => {
        const touching = windows.slice(0, -1);
        expect(accountingByWindows(facts, span, touching)).toEqual(
          weeklyAccounting(facts, touching).map((week) => week.accounting),
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe("periodAndWeeks", () => {
  test("the period and each week equal computeAccounting over them", () => {
    fc.assert(
      fc.property(scenarioArb, ({ facts, windows }) => {
        const period = windows[windows.length - 1] ?? { start: 0, end: 0 };
        const weeks = windows.slice(0, -1);
        const result = periodAndWeeks(facts, period, weeks);
        expect(result.period).toEqual(computeAccounting({ ...facts, period }));
        expect(result.weeks).toEqual(
          weeks.map((window) => ({ window, accounting: computeAccounting({ ...facts, period: window }) })),
        );
      }),
      { numRuns: 150 },
    );
  });
});
