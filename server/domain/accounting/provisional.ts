import type { Accounting } from "./types";

/**
 * Below one working day of scheduled time counted, a share says nothing yet: 25 minutes logged before the
 * workday on a Monday would otherwise read 100%. Such a share is provisional: shown with the hours counted,
 * never over a cap, never a breach.
 */
export const PROVISIONAL_BELOW_MINUTES = 8 * 60;

export function isProvisional(accounting: Pick<Accounting, "scheduled">): boolean {
  return accounting.scheduled < PROVISIONAL_BELOW_MINUTES;
}

/**
 * A team's share is provisional while every member's is (or it has none): the team's sum of a few
 * members' first hours is no more telling than one member's.
 */
export function isTeamProvisional(members: ReadonlyArray<Pick<Accounting, "scheduled">>): boolean {
  return members.every(isProvisional);
}
