import { dutyTurns, restrictingWindows, turnsBefore } from "./duty-turns";
import { handoffSchedule } from "./handoffs";
import type { RotationSpec, TurnAnchor } from "./types";

/**
 * The number of the turn in progress at `instant`, or of the next turn when `instant` falls in a period without
 * duty; -1 before the first hand-off.
 */
export function turnAt(rotation: RotationSpec, instant: number): number {
  const schedule = handoffSchedule(rotation);
  const period = schedule.periodContaining(instant);
  if (period < 0) return -1;
  const windows = restrictingWindows(rotation);
  return windows ? turnsBefore(period, schedule, rotation, windows) : period;
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

/** Who holds each turn of `rotation`: participants[n mod length], shifted so that the anchor's turn gets its index. */
export function turnHolders(rotation: RotationSpec): (turn: number) => string | undefined {
  const { participants, anchor } = rotation;
  const count = participants.length;
  if (count === 0) return () => undefined;
  const shift = anchor ? anchor.index - Math.max(0, turnAt(rotation, anchor.at)) : 0;
  return (turn) => participants[modulo(turn + shift, count)];
}

/** A planner's choice made with an edit: who holds the turn in progress, and who takes the next one. */
export interface TurnChoice {
  onDutyNow?: string | null;
  nextUp?: string | null;
}

export interface Reanchored {
  participants: string[];
  anchor: TurnAnchor | null;
}

/** The first of `order` after `personId`, going round, that is still in `kept`. */
function successorKept(order: readonly string[], personId: string, kept: readonly string[]): string | undefined {
  const from = order.indexOf(personId);
  for (let step = 1; step <= order.length; step += 1) {
    const candidate = order[modulo(from + step, order.length)];
    if (candidate !== undefined && kept.includes(candidate)) return candidate;
  }
  return undefined;
}

/**
 * The participants and anchor to save when `before` becomes `after` at `now`: the turn in progress keeps its holder
 * unless that person was removed (then the next of the old order who stays takes it), or the planner chose who is
 * on duty now. Turns after it follow the new list from that holder, with `nextUp` moved to come right after.
 * Before the rotation has started nobody holds a turn, so the list order applies unless the planner chose.
 */
export function reanchor(before: RotationSpec, after: RotationSpec, now: number, choice: TurnChoice = {}): Reanchored {
  const kept = after.participants;
  const started = turnAt(before, now) >= 0 && turnAt(after, now) >= 0;
  const previous = started ? turnHolders(before)(turnAt(before, now)) : undefined;
  const chosen = choice.onDutyNow ?? undefined;
  let holder = chosen !== undefined && kept.includes(chosen) ? chosen : undefined;
  if (holder === undefined && previous !== undefined) {
    holder = kept.includes(previous) ? previous : successorKept(before.participants, previous, kept);
  }
  const participants = [...kept];
  const next = choice.nextUp ?? undefined;
  if (holder !== undefined && next !== undefined && next !== holder && participants.includes(next)) {
    participants.splice(participants.indexOf(next), 1);
    participants.splice(participants.indexOf(holder) + 1, 0, next);
  }
  if (holder === undefined) return { participants, anchor: null };
  return { participants, anchor: { at: Math.max(now, firstHandoffOf(after)), index: participants.indexOf(holder) } };
}

function firstHandoffOf(rotation: RotationSpec): number {
  return handoffSchedule(rotation).handoffAt(0);
}

export interface UpcomingTurn {
  turn: number;
  personId: string;
  /** The turn's first duty instant and the end of its last duty piece. */
  start: number;
  end: number;
}

const DAY_MS = 86_400_000;
/** How far ahead to look for turns: a restricted rotation may have long stretches without duty. */
const LOOKAHEAD_LIMIT_MS = 400 * DAY_MS;

/** The turn in progress at `from` and the ones after it, up to `count` turns, before covers and leave. */
export function upcomingTurns(rotation: RotationSpec, from: number, count: number): UpcomingTurn[] {
  if (rotation.participants.length === 0 || count <= 0) return [];
  const holderOf = turnHolders(rotation);
  const start = Math.max(from, handoffSchedule(rotation).handoffAt(0));
  let span = 7 * DAY_MS;
  for (;;) {
    const turns = dutyTurns(rotation, { start, end: start + span });
    if (turns.length > count || span >= LOOKAHEAD_LIMIT_MS) {
      return turns.slice(0, count).flatMap(({ turn, duty }) => {
        const personId = holderOf(turn);
        const first = duty[0];
        const last = duty[duty.length - 1];
        return personId !== undefined && first && last ? [{ turn, personId, start: first.start, end: last.end }] : [];
      });
    }
    span *= 2;
  }
}
