import fc from "fast-check";
import { DateTime } from "luxon";
import { describe, expect, test } from "vitest";
import { MINUTE_MS, DEFAULT_WORK_PATTERN, type Interval } from "../time";
import { zoneArb } from "../../testing/time-fixtures";
import { accountingIntervals, computeAccounting } from "./compute";
import type { Accounting, AccountingInput, Shift, ShiftRole, WorkEntry } from "./types";

const RUNS = { numRuns: 200 };
const HOURS_OF_DATA = 16 * 24;

/**
 * An engineer's data around a period of up to two weeks starting at a local midnight in 2026.
 * Everything is on whole minutes so splitting and nesting entries is exact.
 */
const inputArb: fc.Arbitrary<AccountingInput> = fc
  .record({
    timeZone: zoneArb,
    dayOfYear: fc.integer({ min: 0, max: 364 }),
    periodDays: fc.integer({ min: 1, max: 14 }),
    absences: fc.array(minuteSpanArb(0, HOURS_OF_DATA * 60, 3 * 24 * 60), { maxLength: 2 }),
    shifts: fc.array(
      fc.tuple(
        minuteSpanArb(-48 * 60, HOURS_OF_DATA * 60, 8 * 24 * 60),
        fc.constantFrom<ShiftRole>("primary", "secondary", "ticket", "shadow"),
      ),
      { maxLength: 3 },
    ),
    entries: fc.array(
      fc.tuple(
        fc.integer({ min: -24 * 60, max: HOURS_OF_DATA * 60 }),
        fc.integer({ min: 1, max: 12 * 60 }),
        fc.constantFrom<WorkEntry["category"]>("toil", "toil", "toil", "overhead"),
      ),
      { maxLength: 12 },
    ),
  })
  .map(({ timeZone, dayOfYear, periodDays, absences, shifts, entries }) => {
    const start = DateTime.fromObject({ year: 2026, month: 1, day: 1 }, { zone: timeZone }).plus({ days: dayOfYear });
    const origin = start.toMillis();
    const at = (minute: number) => origin + minute * MINUTE_MS;
    return {
      period: { start: origin, end: start.plus({ days: periodDays }).toMillis() },
      timeZone,
      workPattern: DEFAULT_WORK_PATTERN,
      absences: absences.map(([from, to]) => ({ start: at(from), end: at(to) })),
      shifts: shifts.map(([[from, to], role]): Shift => ({ role, start: at(from), end: at(to) })),
      entries: entries.map(([minute, minutes, category]): WorkEntry => ({ start: at(minute), minutes, category })),
    };
  });

function minuteSpanArb(min: number, max: number, longest: number): fc.Arbitrary<[number, number]> {
  return fc
    .tuple(fc.integer({ min, max }), fc.integer({ min: 1, max: longest }))
    .map(([from, length]) => [from, from + length]);
}

const newToilArb = fc.tuple(
  fc.integer({ min: -24 * 60, max: HOURS_OF_DATA * 60 }),
  fc.integer({ min: 1, max: 12 * 60 }),
);

function toilAt(input: AccountingInput, minute: number, minutes: number): WorkEntry {
  return { start: input.period.start + minute * MINUTE_MS, minutes, category: "toil" };
}

describe("computeAccounting properties", () => {
  test("the numbers are consistent: shares in 0..1, operational <= worked, scheduled + after-hours = worked", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const a = computeAccounting(input);
        for (const value of Object.values(a)) expect(value).toBeGreaterThanOrEqual(0);
        expect(a.toilShare).toBeLessThanOrEqual(1);
        expect(a.onCallShare).toBeLessThanOrEqual(a.toilShare);
        expect(a.operational).toBeLessThanOrEqual(a.worked);
        expect(a.onCallDuty).toBeLessThanOrEqual(a.duty);
        expect(a.duty + a.logged).toBeLessThanOrEqual(a.scheduled);
        expect(a.scheduled + a.afterHours).toBeCloseTo(a.worked, 9);
        expect(a.duty + a.logged + a.afterHours).toBeCloseTo(a.operational, 9);
        expect(a.scheduled).toBeLessThanOrEqual((input.period.end - input.period.start) / MINUTE_MS);
      }),
      RUNS,
    );
  });

  test("adding a toil entry never lowers operational or worked", () => {
    fc.assert(
      fc.property(inputArb, newToilArb, (input, [minute, minutes]) => {
        const before = computeAccounting(input);
        const after = computeAccounting({ ...input, entries: [...input.entries, toilAt(input, minute, minutes)] });
        expect(after.operational).toBeGreaterThanOrEqual(before.operational);
        expect(after.worked).toBeGreaterThanOrEqual(before.worked);
        expect(after.scheduled).toBe(before.scheduled);
      }),
      RUNS,
    );
  });

  test("an entry entirely inside duty time changes nothing", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), fc.nat(), (input, pick, offset, length) => {
        const { duty } = accountingIntervals(input);
        const chosen = duty[pick % Math.max(duty.length, 1)];
        fc.pre(chosen !== undefined);
        if (chosen === undefined) return;
        const spanMinutes = (chosen.end - chosen.start) / MINUTE_MS;
        const startMinute = offset % spanMinutes;
        const minutes = 1 + (length % (spanMinutes - startMinute));
        const inside: WorkEntry = { start: chosen.start + startMinute * MINUTE_MS, minutes, category: "toil" };
        expect(computeAccounting({ ...input, entries: [...input.entries, inside] })).toEqual(computeAccounting(input));
      }),
      RUNS,
    );
  });

  test("splitting an entry into two adjacent entries changes nothing", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), (input, pick, cut) => {
        const entry = input.entries[pick % Math.max(input.entries.length, 1)];
        fc.pre(entry !== undefined && entry.minutes >= 2);
        if (entry === undefined) return;
        const firstPart = 1 + (cut % (entry.minutes - 1));
        const split: WorkEntry[] = [
          { ...entry, minutes: firstPart },
          { ...entry, start: entry.start + firstPart * MINUTE_MS, minutes: entry.minutes - firstPart },
        ];
        const entries = input.entries.flatMap((e) => (e === entry ? split : [e]));
        expect(computeAccounting({ ...input, entries })).toEqual(computeAccounting(input));
      }),
      RUNS,
    );
  });

  test("the order of entries, shifts and absences does not matter", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), (input, seed) => {
        const shuffled: AccountingInput = {
          ...input,
          entries: rotate([...input.entries].reverse(), seed),
          shifts: rotate([...input.shifts].reverse(), seed),
          absences: rotate([...input.absences].reverse(), seed),
        };
        expect(computeAccounting(shuffled)).toEqual(computeAccounting(input));
      }),
      RUNS,
    );
  });

  test("overhead entries never change anything", () => {
    fc.assert(
      fc.property(inputArb, newToilArb, (input, [minute, minutes]) => {
        const overhead: WorkEntry = { ...toilAt(input, minute, minutes), category: "overhead" };
        expect(computeAccounting({ ...input, entries: [...input.entries, overhead] })).toEqual(
          computeAccounting(input),
        );
      }),
      RUNS,
    );
  });

  test("cutting the period in two splits every duration between the halves", () => {
    fc.assert(
      fc.property(inputArb, fc.double({ min: 0, max: 1, noNaN: true }), (input, where) => {
        const { start, end } = input.period;
        const cut = start + Math.floor(((end - start) / MINUTE_MS) * where) * MINUTE_MS;
        const whole = computeAccounting(input);
        const first = computeAccounting({ ...input, period: { start, end: cut } });
        const second = computeAccounting({ ...input, period: { start: cut, end } });
        const durations: Array<keyof Accounting> = [
          "scheduled",
          "duty",
          "onCallDuty",
          "logged",
          "afterHours",
          "operational",
          "worked",
        ];
        for (const key of durations) expect(first[key] + second[key]).toBeCloseTo(whole[key], 9);
      }),
      RUNS,
    );
  });

  test("data outside the period is ignored", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const outside = (i: Interval) => i.end <= input.period.start || i.start >= input.period.end;
        const entryOutside = (e: WorkEntry) => outside({ start: e.start, end: e.start + e.minutes * MINUTE_MS });
        const trimmed: AccountingInput = {
          ...input,
          entries: input.entries.filter((e) => !entryOutside(e)),
          shifts: input.shifts.filter((s) => !outside(s)),
          absences: input.absences.filter((a) => !outside(a)),
        };
        expect(computeAccounting(trimmed)).toEqual(computeAccounting(input));
      }),
      RUNS,
    );
  });
});

function rotate<T>(list: T[], by: number): T[] {
  if (list.length === 0) return list;
  const k = by % list.length;
  return [...list.slice(k), ...list.slice(0, k)];
}
