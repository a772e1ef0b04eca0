import { Duration } from "luxon";

/** The Gregorian calendar's average year and month, so a rate does not depend on which months a period spans. */
export const AVERAGE_YEAR_DAYS = 365.2425;
export const AVERAGE_MONTH_DAYS = AVERAGE_YEAR_DAYS / 12;
export const AVERAGE_YEAR_MS = Duration.fromObject({ days: AVERAGE_YEAR_DAYS }).as("milliseconds");
export const AVERAGE_MONTH_MS = AVERAGE_YEAR_MS / 12;
const MINUTES_PER_HOUR = 60;

export interface SourceRates {
  averageMinutes: number;
  hoursPerMonth: number;
  occurrencesPerYear: number;
  /** docs/accounting.md: occurrences per year x minutes each, in hours. */
  yearlyCostHours: number;
}

/** A toil source's cost observed over `spanMs` of elapsed time, scaled to a month and a year. */
export function sourceRates(input: { occurrences: number; totalMinutes: number; spanMs: number }): SourceRates {
  const { occurrences, totalMinutes, spanMs } = input;
  const averageMinutes = occurrences > 0 ? totalMinutes / occurrences : 0;
  if (!(spanMs > 0)) return { averageMinutes, hoursPerMonth: 0, occurrencesPerYear: 0, yearlyCostHours: 0 };
  const occurrencesPerYear = (occurrences * AVERAGE_YEAR_MS) / spanMs;
  return {
    averageMinutes,
    hoursPerMonth: (totalMinutes / MINUTES_PER_HOUR) * (AVERAGE_MONTH_MS / spanMs),
    occurrencesPerYear,
    yearlyCostHours: (occurrencesPerYear * averageMinutes) / MINUTES_PER_HOUR,
  };
}

/** Minutes spent over `spanMs`, as hours per average month (0 for an empty span). */
export function hoursPerMonth(minutes: number, spanMs: number): number {
  return spanMs > 0 ? (minutes / MINUTES_PER_HOUR) * (AVERAGE_MONTH_MS / spanMs) : 0;
}
