import { accountingOfTime } from "./compute";
import type { Accounting } from "./types";

/**
 * A team's accounting for a period: durations summed, shares as the sum of operational over the sum
 * of worked, so someone who worked more weighs more than in a mean of shares. Reports still show
 * every member's own share beside it.
 */
export function aggregateTeam(members: readonly Accounting[]): Accounting {
  const sum = (field: keyof Accounting) => members.reduce((total, m) => total + m[field], 0);
  return accountingOfTime({
    scheduled: sum("scheduled"),
    duty: sum("duty"),
    onCallDuty: sum("onCallDuty"),
    logged: sum("logged"),
    afterHours: sum("afterHours"),
  });
}
