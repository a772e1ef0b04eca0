import { addDays, type LocalDate } from "../time";
import { AVERAGE_MONTH_DAYS } from "./rates";

export interface PaybackInput {
  buildHours: number;
  maintenanceHoursPerMonth: number;
  /** The toil hours a month the automation takes away. */
  savedHoursPerMonth: number;
  /** When the saving starts: the automation's date, or today for one not built yet. */
  startsOn: LocalDate;
}

export interface Payback {
  /** Saved less maintenance; at most 0 means it never pays back. */
  netHoursPerMonth: number;
  /** Months until the build time is earned back; null when it never is. */
  paybackMonths: number | null;
  breakEvenOn: LocalDate | null;
}

/** Automating pays when the time saved exceeds building plus maintaining it (docs/accounting.md, automation payoff). */
export function automationPayback(input: PaybackInput): Payback {
  const netHoursPerMonth = input.savedHoursPerMonth - input.maintenanceHoursPerMonth;
  if (!(netHoursPerMonth > 0) || !Number.isFinite(input.buildHours) || input.buildHours < 0) {
    return { netHoursPerMonth, paybackMonths: null, breakEvenOn: null };
  }
  const paybackMonths = input.buildHours / netHoursPerMonth;
  // Whole days, rounded up: break-even is the first day the balance is no longer negative.
  const breakEvenOn = addDays(input.startsOn, Math.ceil(paybackMonths * AVERAGE_MONTH_DAYS));
  return { netHoursPerMonth, paybackMonths, breakEvenOn };
}
