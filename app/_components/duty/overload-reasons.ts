/** Why a duty rotation is flagged (docs/duty-load.md), in words; the incident limit is the team's. */
export function reasonText(
  reason: "logged-over-duty" | "queue-growing" | "incident-limit",
  thresholds: { loggedOverDuty: number; incidentLimit: number },
): string {
  if (reason === "logged-over-duty")
    return thresholds.loggedOverDuty === 1
      ? "interrupt time logged above the turn's duty time"
      : `interrupt time logged above ${Math.round(thresholds.loggedOverDuty * 100)}% of the turn's duty time`;
  if (reason === "queue-growing") return "more open tickets handed on at each hand-off";
  return `more than ${thresholds.incidentLimit} incidents in a 12-hour window`;
}
