import { clipTo, totalMs } from "../time";
import { coverageOf, requiredDuty } from "./coverage-gaps";
import { dutyTurns } from "./duty-turns";
import { weightedHours } from "./weighted-hours";
import type { Interval, RotationSpec, ScheduleQuality, Shift } from "./types";

/**
 * 1 - excess / heaviest load, where excess is the spread (max - min) beyond the weight of the heaviest turn.
 * Turns cannot be split, so a spread of up to one turn is as even as a plan can be (ten people and four weekly
 * turns must leave six with nothing); only imbalance past that counts. 1 when nobody carries any load.
 */
export function loadBalance(loads: readonly number[], heaviestTurn: number): number {
  if (loads.length < 2) return 1;
  const heaviest = Math.max(...loads);
  if (heaviest <= 0) return 1;
  const excess = Math.max(0, heaviest - Math.min(...loads) - heaviestTurn);
  return Math.min(1, Math.max(0, 1 - excess / heaviest));
}

/**
 * Coverage dominates: uncovered duty means pages nobody answers, so the score is coverage times a balance
 * factor from 0.5 (all load on one person) to 1 (even). One decimal, so small improvements stay visible.
 */
export function qualityScore(coverage: number, balance: number): number {
  return Math.round(1000 * coverage * (0.5 + 0.5 * balance)) / 10;
}

export interface LoadTally {
  dutyMs: number;
  coveredMs: number;
  heaviestTurn: number;
  participants: readonly string[];
  /** Weighted hours per person, prior load included; people outside `participants` (covers) are listed too. */
  loadByPerson: Record<string, number>;
}

/** The quality of a tally; balance is judged over the participants only, since covers come and go. */
export function qualityOf(tally: LoadTally): ScheduleQuality {
  const coverage = tally.dutyMs > 0 ? Math.min(1, tally.coveredMs / tally.dutyMs) : 1;
  const people = [...new Set(tally.participants)];
  const balance = loadBalance(
    people.map((person) => tally.loadByPerson[person] ?? 0),
    tally.heaviestTurn,
  );
  return {
    coverage,
    balance,
    score: qualityScore(coverage, balance),
    warningPenalty: 0,
    loadByPerson: tally.loadByPerson,
  };
}

/** The rotation's duty inside the window, one list of clipped pieces per turn. */
export function dutyByTurnInWindow(rotation: RotationSpec, window: Interval): Interval[][] {
  return dutyTurns(rotation, window)
    .map((turn) => turn.duty.flatMap((piece) => clipTo(piece, window) ?? []))
    .filter((pieces) => pieces.length > 0);
}

/**
 * Scores an existing plan of `rotation` over `window`, so a planner can compare it with a fair fill. Coverage is
 * over the rotation's required duty (see coverage-gaps.ts), from its first day rather than its first hand-off.
 * `priorLoad` (weighted hours already carried) is added to each person's load, as fairFill does.
 */
export function scheduleQuality(
  shifts: readonly Shift[],
  participants: readonly string[],
  window: Interval,
  rotation: RotationSpec,
  priorLoad: Readonly<Record<string, number>> = {},
): ScheduleQuality {
  const dutyByTurn = dutyByTurnInWindow(rotation, window);
  const turnWeight = (pieces: Interval[]): number =>
    pieces.reduce((sum, piece) => sum + weightedHours(piece, rotation.timeZone), 0);
  const heaviestTurn = Math.max(0, ...dutyByTurn.map(turnWeight));
  const held = shifts
    .filter((shift) => shift.rotationId === rotation.id)
    .flatMap((shift) => {
      const inside = clipTo(shift, window);
      return inside ? [{ personId: shift.personId, ...inside }] : [];
    });
  const loadByPerson: Record<string, number> = {};
  for (const person of participants) loadByPerson[person] = priorLoad[person] ?? 0;
  for (const piece of held) {
    loadByPerson[piece.personId] =
      (loadByPerson[piece.personId] ?? priorLoad[piece.personId] ?? 0) + weightedHours(piece, rotation.timeZone);
  }
  // Judged on all the duty the rotation owes, so days before its first hand-off count as the gap they are.
  const required = requiredDuty(rotation, window);
  const dutyMs = totalMs(required);
  const coveredMs = totalMs(coverageOf(required, held).covered);
  return qualityOf({ dutyMs, coveredMs, heaviestTurn, participants, loadByPerson });
}
