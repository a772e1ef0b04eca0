import type { Accounting } from "@/server/domain/accounting";
import type { Caps } from "../share/caps";

/** The toil share split by where the time came from (rules 2-4), for a stacked bar; the parts sum to the share. */
export interface ToilShareParts {
  duty: number;
  logged: number;
  afterHours: number;
}

/** How a share stands against its cap. */
export interface CapStanding {
  over: boolean;
  /** Share points above the cap: 0.62 against 0.5 is 0.12; 0 when not over. */
  overBy: number;
  /** Minutes above what the cap allows of the worked time: the relief needed to get back under; 0 when not over. */
  overByMinutes: number;
}

export function toilShareParts(accounting: Accounting): ToilShareParts {
  const { worked } = accounting;
  if (worked === 0) return { duty: 0, logged: 0, afterHours: 0 };
  return { duty: accounting.duty / worked, logged: accounting.logged / worked, afterHours: accounting.afterHours / worked };
}

/** Against the toil cap the operational minutes count, against the on-call cap the on-call duty minutes. */
export function capStanding(accounting: Accounting, caps: Caps): { toil: CapStanding; onCall: CapStanding } {
  return {
    toil: standing(accounting.toilShare, caps.toilCap, accounting.operational, accounting.worked),
    onCall: standing(accounting.onCallShare, caps.onCallCap, accounting.onCallDuty, accounting.worked),
  };
}

function standing(share: number, cap: number, minutes: number, worked: number): CapStanding {
  const over = share > cap;
  return { over, overBy: over ? share - cap : 0, overByMinutes: over ? minutes - cap * worked : 0 };
}
