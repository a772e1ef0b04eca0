import { describe, expect, test } from "vitest";
import { Duration } from "luxon";
import { AVERAGE_MONTH_DAYS, AVERAGE_YEAR_MS, hoursPerMonth, sourceRates } from "./rates";

const days = (n: number) => Duration.fromObject({ days: n }).as("milliseconds");

describe("sourceRates", () => {
  test.each([
    // occurrences, minutes, span days -> average, hours a month, occurrences a year, yearly cost (hours)
    {
      occurrences: 3,
      totalMinutes: 90,
      spanDays: 30,
      average: 30,
      perMonth: 1.5 * (AVERAGE_MONTH_DAYS / 30),
      perYear: (3 * 365.2425) / 30,
    },
    { occurrences: 1, totalMinutes: 120, spanDays: 365.2425, average: 120, perMonth: 2 / 12, perYear: 1 },
    {
      occurrences: 4,
      totalMinutes: 60,
      spanDays: 7,
      average: 15,
      perMonth: (1 * AVERAGE_MONTH_DAYS) / 7,
      perYear: (4 * 365.2425) / 7,
    },
    { occurrences: 2, totalMinutes: 0, spanDays: 30, average: 0, perMonth: 0, perYear: (2 * 365.2425) / 30 },
  ])(
    "$occurrences x $totalMinutes min over $spanDays days",
    ({ occurrences, totalMinutes, spanDays, average, perMonth, perYear }) => {
      const rates = sourceRates({ occurrences, totalMinutes, spanMs: days(spanDays) });
      expect(rates.averageMinutes).toBeCloseTo(average, 10);
      expect(rates.hoursPerMonth).toBeCloseTo(perMonth, 10);
      expect(rates.occurrencesPerYear).toBeCloseTo(perYear, 10);
      // docs/accounting.md: cost per year = occurrences per year x minutes each.
      expect(rates.yearlyCostHours).toBeCloseTo((perYear * average) / 60, 10);
    },
  );

  test("a 30-day month of 3 x 30 min costs 18.26 hours a year", () => {
    expect(sourceRates({ occurrences: 3, totalMinutes: 90, spanMs: days(30) }).yearlyCostHours).toBeCloseTo(
      18.262125,
      9,
    );
  });

  test("no occurrences or an empty span cost nothing", () => {
    expect(sourceRates({ occurrences: 0, totalMinutes: 0, spanMs: days(30) })).toEqual({
      averageMinutes: 0,
      hoursPerMonth: 0,
      occurrencesPerYear: 0,
      yearlyCostHours: 0,
    });
    expect(sourceRates({ occurrences: 5, totalMinutes: 100, spanMs: 0 })).toEqual({
      averageMinutes: 20,
      hoursPerMonth: 0,
      occurrencesPerYear: 0,
      yearlyCostHours: 0,
    });
  });

  test("the averages are the long-term calendar's", () => {
    expect(AVERAGE_MONTH_DAYS).toBeCloseTo(30.436875, 9);
    expect(AVERAGE_YEAR_MS).toBe(days(365.2425));
    expect(hoursPerMonth(60, days(AVERAGE_MONTH_DAYS))).toBeCloseTo(1, 12);
  });
});
