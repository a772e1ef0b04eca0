/**
 * Hand-offs of one rotation: who holds it when, as turns. A turn is a run of consecutive shifts (or pieces of
 * shifts, around covers) held by one person: a hand-off happens only where the holder changes, so a person on
 * ticket duty all week (working hours only, nights in between) hands off once, at the end of the week.
 */

export interface DutyPiece {
  personId: string;
  start: number;
  end: number;
}

export interface Turn {
  personId: string;
  start: number;
  end: number;
}

/** One rotation's pieces, in any order, as turns in order of start. */
export function turnsOf(pieces: readonly DutyPiece[]): Turn[] {
  const sorted = [...pieces]
    .filter((piece) => piece.end > piece.start)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const turns: Turn[] = [];
  for (const piece of sorted) {
    const last = turns[turns.length - 1];
    if (last && last.personId === piece.personId) last.end = Math.max(last.end, piece.end);
    else turns.push({ personId: piece.personId, start: piece.start, end: piece.end });
  }
  return turns;
}

/** Positions in the turns around now; null where there is no such turn. */
export interface HandoffMoment {
  /** The turn holding now. */
  current: number | null;
  /** The latest turn that ended at or before now, no longer ago than the horizon: its note may still be written. */
  justEnded: number | null;
  /** The first turn starting after now. */
  next: number | null;
}

export function handoffMoment(turns: readonly Turn[], now: number, justEndedWithinMs: number): HandoffMoment {
  let current: number | null = null;
  let justEnded: number | null = null;
  let next: number | null = null;
  for (const [index, turn] of turns.entries()) {
    if (turn.start <= now && now < turn.end) current = index;
    if (turn.end <= now && turn.end > now - justEndedWithinMs) justEnded = index;
    if (turn.start > now && next === null) next = index;
  }
  return { current, justEnded, next };
}
