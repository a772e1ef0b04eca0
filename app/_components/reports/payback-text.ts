import { DateTime } from "luxon";
import type { ToilSourceRow } from "./types";

const hours = (value: number) => `${(Math.round(value * 10) / 10).toLocaleString("en-GB")} h`;

/** "Pays back in 4.2 months (break-even 3 Jun 2026)", or why it never does. */
export function paybackText(estimate: NonNullable<ToilSourceRow["estimate"]>): string {
  const { payback } = estimate;
  const basis = estimate.savingsBasis === "measured" ? "measured savings" : "the current rate";
  if (payback.paybackMonths === null || payback.breakEvenOn === null) {
    return `Never pays back at ${basis}: it saves ${hours(payback.netHoursPerMonth)} a month after maintenance.`;
  }
  const breakEven = DateTime.fromISO(payback.breakEvenOn).toFormat("d LLL yyyy");
  return `Pays back in ${(Math.round(payback.paybackMonths * 10) / 10).toLocaleString("en-GB")} months (break-even ${breakEven}), at ${basis}: net ${hours(payback.netHoursPerMonth)} a month.`;
}

/** "Measured: 12.3 h/month before, 2.1 h after: 10.2 h saved a month." */
export function measuredText(measured: NonNullable<ToilSourceRow["measured"]>): string {
  return `Measured: ${hours(measured.beforeHoursPerMonth)}/month before, ${hours(measured.afterHoursPerMonth)}/month after: ${hours(measured.savedHoursPerMonth)} saved a month.`;
}

export function estimateSummary(estimate: NonNullable<ToilSourceRow["estimate"]>): string {
  const live = estimate.automatedOn
    ? `, automated on ${DateTime.fromISO(estimate.automatedOn).toFormat("d LLL yyyy")}`
    : "";
  return `Build ${hours(estimate.buildHours)}, maintenance ${hours(estimate.maintenanceHoursPerMonth)}/month${live}.`;
}
