import { isProvisional } from "./provisional";
import type { Accounting, Caps } from "./types";

/** The toil share split by where the time came from (rules 2-4), for a stacked bar; the parts sum to the share. */
export interface ToilShareParts {
  duty: number;
  logged: number;
  afterHours: number;
}

/** How a share stands against its cap. */
export interface CapStanding {
  /** Too little time counted to tell (see isProvisional): then never over. */
  provisional: boolean;
  over: boolean;
  /** Share points above the cap: 0.62 against 0.5 is 0.12; 0 when not over. */
  overBy: number;
  /** Minutes above what the cap allows of the worked time: the relief needed to get back under; 0 when not over. */
  overByMinutes: number;
}

export function toilShareParts(accounting: Accounting): ToilShareParts {
  const { worked } = accounting;
  if (worked === 0) return { duty: 0, logged: 0, afterHours: 0 };
  return {
    duty: accounting.duty / worked,
    logged: accounting.logged / worked,
    afterHours: accounting.afterHours / worked,
  };
}

/**
 * Against the toil cap the operational minutes count, against the on-call cap the on-call duty minutes. A
 * provisional share is never over; a team passes its own provisional reading (see isTeamProvisional).
 */
export function capStanding(
  accounting: Accounting,
  caps: Caps,
  provisional: boolean = isProvisional(accounting),
): { toil: CapStanding; onCall: CapStanding } {
  return {
    toil: standing(provisional, accounting.toilShare, caps.toilCap, accounting.operational, accounting.worked),
    onCall: standing(provisional, accounting.onCallShare, caps.onCallCap, accounting.onCallDuty, accounting.worked),
  };
}

function standing(provisional: boolean, share: number, cap: number, minutes: number, worked: number): CapStanding {
  const over = !provisional && share > cap;
  return { provisional, over, overBy: over ? share - cap : 0, overByMinutes: over ? minutes - cap * worked : 0 };
}
