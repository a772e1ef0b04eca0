import { dutyTurns } from "./duty-turns";
import { searchFill, type FillProblem } from "./fill-search";
import { clipTo, normalize, overlaps, totalMs } from "../time";
import { qualityOf } from "./schedule-quality";
import { assertValidRotation } from "./validate-rotation";
import { weightedHours } from "./weighted-hours";
import { turnHolders } from "./turn-holders";
import type { Absence, Interval, RotationSpec, ScheduleQuality } from "./types";

export interface FairFillInput {
  rotation: RotationSpec;
  window: Interval;
  absences: readonly Absence[];
  /** Weighted hours each person already carries (covers, swaps, earlier horizons). */
  priorLoad?: Readonly<Record<string, number>>;
  now: number;
}

export interface FairAssignment {
  start: number;
  end: number;
  personId: string;
  /** The rotation's turn number; a restricted turn yields one assignment per working-hour piece. */
  turn: number;
}

export interface FairFillResult {
  assignments: FairAssignment[];
  /** Duty nobody could take: everyone was on leave during part of the turn. */
  unassigned: Interval[];
  quality: ScheduleQuality;
}

/**
 * Assigns the rotation's turns in [max(window.start, now), window.end) to balance weighted load (see
 * weightedHours), prior load included: never to someone on leave during any part of the turn (judged on the
 * whole turn, even beyond the window), back-to-back only when unavoidable, ties by participant order.
 * The past is not planned; a turn in progress at `now` is planned from `now` on.
 */
export function fairFill(input: FairFillInput): FairFillResult {
  const { rotation, absences, now } = input;
  assertValidRotation(rotation);
  const priorLoad = input.priorLoad ?? {};
  const horizon = { start: Math.max(input.window.start, now), end: input.window.end };
  const people = [...new Set(rotation.participants)];
  const turns = dutyTurns(rotation, horizon)
    .map((turn) => ({ ...turn, pieces: turn.duty.flatMap((piece) => clipTo(piece, horizon) ?? []) }))
    .filter((turn) => turn.pieces.length > 0);
  const weights = turns.map((turn) =>
    turn.pieces.reduce((sum, piece) => sum + weightedHours(piece, rotation.timeZone), 0),
  );

  const absencesOf = (person: string): Absence[] => absences.filter((absence) => absence.personId === person);
  const absencesByPerson = new Map(people.map((person) => [person, absencesOf(person)]));
  const isAway = (person: string, duty: readonly Interval[]): boolean =>
    (absencesByPerson.get(person) ?? []).some((absence) => duty.some((piece) => overlaps(piece, absence)));
  const holderOf = turnHolders(rotation);
  const problem: FillProblem = {
    peopleCount: people.length,
    weights,
    available: turns.map((turn) => people.flatMap((person, index) => (isAway(person, turn.duty) ? [] : [index]))),
    priorLoad: people.map((person) => priorLoad[person] ?? 0),
    designated: turns.map((turn) => {
      const person = holderOf(turn.turn);
      return person === undefined ? null : people.indexOf(person);
    }),
  };
  const plan = searchFill(problem);

  const assignments: FairAssignment[] = [];
  const unassigned: Interval[] = [];
  const loadByPerson: Record<string, number> = Object.fromEntries(
    people.map((person) => [person, priorLoad[person] ?? 0]),
  );
  turns.forEach((turn, index) => {
    const personId = people[plan[index] ?? -1];
    if (personId === undefined) {
      unassigned.push(...turn.pieces);
      return;
    }
    loadByPerson[personId] = (loadByPerson[personId] ?? 0) + (weights[index] ?? 0);
    for (const piece of turn.pieces) assignments.push({ ...piece, personId, turn: turn.turn });
  });
  const dutyMs = totalMs(turns.flatMap((turn) => turn.pieces));
  const quality = qualityOf({
    dutyMs,
    coveredMs: dutyMs - totalMs(unassigned),
    heaviestTurn: Math.max(0, ...weights),
    participants: people,
    loadByPerson,
  });
  return { assignments, unassigned: normalize(unassigned), quality };
}
