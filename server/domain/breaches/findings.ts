import { isProvisional } from "../accounting";
import type { PeriodShares } from "./period-shares";

/** The two caps of docs/accounting.md: toil (operational work) and on-call. */
export const CAP_KINDS = ["toil", "on-call"] as const;
export type CapKind = (typeof CAP_KINDS)[number];

export interface TeamCaps {
  toilCap: number;
  onCallCap: number;
}

/** A share over a cap: the actual one when it is over, else the projected one when only that is. */
export interface CapFinding {
  kind: CapKind;
  share: number;
  cap: number;
  projected: boolean;
}

/**
 * Which caps an engineer breaches in the period. "Over" is strictly above the cap, as on the Team reports
 * page; an actual breach wins over a projected one of the same cap. A provisional share (less than a working
 * day scheduled so far) is never a breach; the month-end projection, counting the whole month's schedule, may
 * still be one.
 */
export function capFindings(shares: PeriodShares, caps: TeamCaps): CapFinding[] {
  const findings: CapFinding[] = [];
  const actualProvisional = isProvisional(shares.actual);
  const projectedProvisional = isProvisional(shares.projected);
  for (const kind of CAP_KINDS) {
    const cap = kind === "toil" ? caps.toilCap : caps.onCallCap;
    const actual = kind === "toil" ? shares.actual.toilShare : shares.actual.onCallShare;
    const projected = kind === "toil" ? shares.projected.toilShare : shares.projected.onCallShare;
    if (!actualProvisional && actual > cap) findings.push({ kind, share: actual, cap, projected: false });
    else if (!projectedProvisional && projected > cap) findings.push({ kind, share: projected, cap, projected: true });
  }
  return findings;
}
