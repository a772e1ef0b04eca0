import { INCIDENT_LIMIT, type TurnLoad } from "./turn-load";

export interface OverloadThresholds {
  /** How many turns in a row must show a sign before the rotation is flagged. */
  turnsInARow: number;
  /** Logged interrupt time above this share of the turn's duty time is more than one person can take. */
  loggedOverDuty: number;
  /** More incidents than this in one 12-hour window breaks the on-call limit. */
  incidentLimit: number;
}

export const DEFAULT_OVERLOAD_THRESHOLDS: OverloadThresholds = {
  turnsInARow: 2,
  loggedOverDuty: 1,
  incidentLimit: INCIDENT_LIMIT,
};

export type OverloadReason = "logged-over-duty" | "queue-growing" | "incident-limit";

export interface OverloadFinding {
  reason: OverloadReason;
  /** Positions, in the turns passed, of the run behind the finding. */
  turns: number[];
}

/** Whether one turn shows the sign; the queue needs the turn before to compare with. */
function shows(reason: OverloadReason, turns: readonly TurnLoad[], index: number, limits: OverloadThresholds): boolean {
  const turn = turns[index];
  if (turn === undefined) return false;
  if (reason === "logged-over-duty") return turn.loggedMinutes > limits.loggedOverDuty * turn.dutyMinutes;
  if (reason === "incident-limit") return turn.peakIncidents > limits.incidentLimit;
  const before = turns[index - 1];
  return before !== undefined && turn.openAtHandoff > before.openAtHandoff;
}

const REASONS: readonly OverloadReason[] = ["logged-over-duty", "queue-growing", "incident-limit"];

/**
 * The signs that a duty role has outgrown one person, over ended turns in order: each reason whose sign the
 * latest `turnsInARow` turns all show, with those turns. Nothing when fewer turns have ended.
 */
export function overloadFindings(
  ended: readonly TurnLoad[],
  limits: OverloadThresholds = DEFAULT_OVERLOAD_THRESHOLDS,
): OverloadFinding[] {
  const run = Math.max(1, limits.turnsInARow);
  if (ended.length < run) return [];
  const last = Array.from({ length: run }, (_, offset) => ended.length - run + offset);
  return REASONS.filter((reason) => last.every((index) => shows(reason, ended, index, limits))).map((reason) => ({
    reason,
    turns: last,
  }));
}
