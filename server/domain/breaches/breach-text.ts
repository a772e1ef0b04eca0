import { DateTime } from "luxon";
import type { CapKind } from "./findings";

export interface BreachFacts {
  kind: CapKind;
  share: number;
  cap: number;
  projected: boolean;
  /** The period's exclusive end and the zone of its calendar (the engineer's). */
  periodEnd: Date;
  timeZone: string;
}

export interface BreachWording {
  /** "Your" or "Erika Berg's". */
  whose: string;
  /** "this month" or "in March 2025". */
  period: string;
  /** "the team's" or "Platform SRE's". */
  capOwner: string;
}

const CAP_NAMES: Record<CapKind, string> = { toil: "toil", "on-call": "on-call" };

/**
 * A share as a whole percentage, or with as many decimals as it takes to show that it is over the cap
 * (50.4% against 50% must not read "50%, over the 50% cap"). Rounded down, so it never overstates.
 */
export function breachPercent(share: number, cap: number): string {
  const whole = Math.round(share * 100);
  if (!(share > cap) || whole > Math.round(cap * 100)) return `${whole}%`;
  for (const decimals of [1, 2]) {
    const scale = 10 ** decimals;
    // The epsilon keeps 0.5004 from reading 50.03% through binary rounding.
    const shown = Math.floor(share * 100 * scale + 1e-9) / scale;
    if (shown > cap * 100) return `${shown.toFixed(decimals)}%`;
  }
  return `${(share * 100).toFixed(3)}%`;
}

/** The period's last day on the engineer's calendar: "31 Dec". */
export function lastDayText(periodEnd: Date, timeZone: string): string {
  return DateTime.fromMillis(periodEnd.getTime() - 1, { zone: timeZone })
    .setLocale("en-GB")
    .toFormat("d LLL");
}

/**
 * "Your toil share this month reached 62%, over the team's 50% cap." or, for a projection,
 * "Your toil share this month is projected to reach 58% by 31 Dec at the scheduled duty, over the team's 50% cap."
 */
export function breachSentence(breach: BreachFacts, wording: BreachWording): string {
  const share = breachPercent(breach.share, breach.cap);
  const cap = `${Math.round(breach.cap * 100)}%`;
  const subject = `${wording.whose} ${CAP_NAMES[breach.kind]} share ${wording.period}`;
  const reach = breach.projected
    ? `is projected to reach ${share} by ${lastDayText(breach.periodEnd, breach.timeZone)} at the scheduled duty`
    : `reached ${share}`;
  return `${subject} ${reach}, over ${wording.capOwner} ${cap} cap.`;
}
