import type { Accounting } from "./types";

/**
 * A team's accounting for a period: durations summed, shares as the sum of operational over the sum
 * of worked, so someone who worked more weighs more than in a mean of shares. Reports still show
 * every member's own share beside it.
 */
export function aggregateTeam(members: readonly Accounting[]): Accounting {
  const sum = (field: keyof Accounting) => members.reduce((total, m) => total + m[field], 0);
  const worked = sum("worked");
  const operational = sum("operational");
  const onCallDuty = sum("onCallDuty");
  // Each member's share is within 0..1; only floating-point rounding of the sums could leave it.
  return {
    scheduled: sum("scheduled"),
    duty: sum("duty"),
    onCallDuty,
    logged: sum("logged"),
    afterHours: sum("afterHours"),
    operational,
    worked,
    toilShare: worked > 0 ? Math.min(1, operational / worked) : 0,
    onCallShare: worked > 0 ? Math.min(1, onCallDuty / worked) : 0,
  };
}
