import { describe, expect, test } from "vitest";
import { Duration } from "luxon";
import { measuredSavings } from "./measured";
import { AVERAGE_MONTH_DAYS } from "./rates";

const days = (n: number) => Duration.fromObject({ days: n }).as("milliseconds");

describe("measuredSavings", () => {
  test.each([
    // minutes before, minutes after, span days -> hours a month before and after
    {
      before: 120,
      after: 15,
      spanDays: 30,
      beforeRate: 2 * (AVERAGE_MONTH_DAYS / 30),
      afterRate: 0.25 * (AVERAGE_MONTH_DAYS / 30),
    },
    { before: 600, after: 0, spanDays: 90, beforeRate: 10 * (AVERAGE_MONTH_DAYS / 90), afterRate: 0 },
    { before: 60, after: 120, spanDays: AVERAGE_MONTH_DAYS, beforeRate: 1, afterRate: 2 },
  ])(
    "$before min before and $after min after over $spanDays days each",
    ({ before, after, spanDays, beforeRate, afterRate }) => {
      const measured = measuredSavings({ beforeMinutes: before, afterMinutes: after, spanMs: days(spanDays) });
      expect(measured?.beforeHoursPerMonth).toBeCloseTo(beforeRate, 10);
      expect(measured?.afterHoursPerMonth).toBeCloseTo(afterRate, 10);
      expect(measured?.savedHoursPerMonth).toBeCloseTo(beforeRate - afterRate, 10);
    },
  );

  test("nothing to measure until time has passed since the automation date", () => {
    expect(measuredSavings({ beforeMinutes: 100, afterMinutes: 0, spanMs: 0 })).toBeNull();
    expect(measuredSavings({ beforeMinutes: 100, afterMinutes: 0, spanMs: -5 })).toBeNull();
  });
});
