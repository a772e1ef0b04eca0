import {
  containsInstant,
  intersectIntervals,
  MINUTE_MS,
  subtractIntervals,
  totalMs,
  unionIntervals,
  type Interval,
} from "../time";

/** The on-call limit (docs/duty-load.md): at most 2 incidents per 12-hour window of a shift. */
export const INCIDENT_LIMIT = 2;
/** Elapsed time: the limit is about how long one person is loaded. */
export const INCIDENT_WINDOW_MS = 12 * 60 * MINUTE_MS;

export type InterruptKind = "page" | "ticket" | "request";

export interface DutyInterrupt {
  kind: InterruptKind;
  isIncident: boolean;
  openedAt: number;
  /** null while open. */
  resolvedAt: number | null;
}

/** A logged stretch of interrupt work: the toil entries linked to an interrupt. */
export interface InterruptWork extends Interval {
  personId: string;
}

export interface DutyTurnFacts extends Interval {
  personId: string;
  /** The holder's scheduled working time (work pattern less absences) around the turn. */
  scheduled: readonly Interval[];
  /**
   * The parts of the turn that are duty, for a rotation limited to duty windows (a week of nights is seven
   * nights, not the week); absent: the whole turn. Only these count as received, logged or duty time.
   */
  duty?: readonly Interval[];
}

export interface TurnLoad {
  personId: string;
  start: number;
  end: number;
  received: Record<InterruptKind, number>;
  /** Holder's interrupt work logged during the turn, overlaps once. */
  loggedMinutes: number;
  /** The holder's scheduled time inside the turn: the duty the turn asks of them. */
  dutyMinutes: number;
  /** Tickets open at the hand-off at the end of the turn (the end of the span seen, for a turn in progress). */
  openAtHandoff: number;
  /** Of those, tickets already open when the turn began: carried over from the turn before. */
  carriedOver: number;
  /** The most incidents opened in one 12-hour window of the turn, windows from the turn's start. */
  peakIncidents: number;
  /** Holder's interrupt work during the turn outside their scheduled time. */
  afterHoursMinutes: number;
}

const minutes = (ms: number): number => Math.round(ms / MINUTE_MS);

function openAt(ticket: DutyInterrupt, instant: number): boolean {
  return ticket.openedAt < instant && (ticket.resolvedAt === null || ticket.resolvedAt > instant);
}

function peakIncidents(turn: Interval, incidents: readonly number[]): number {
  let peak = 0;
  for (let start = turn.start; start < turn.end; start += INCIDENT_WINDOW_MS) {
    const end = Math.min(start + INCIDENT_WINDOW_MS, turn.end);
    peak = Math.max(peak, incidents.filter((at) => start <= at && at < end).length);
  }
  return peak;
}

/**
 * One duty turn's load: what came in, what the holder logged against the duty time the turn asked of them, the
 * ticket queue they handed on, incidents against the 12-hour limit, and work outside their hours. `until` cuts a
 * turn in progress at now, so nothing is counted from the future.
 */
export function turnLoad(
  turn: DutyTurnFacts,
  interrupts: readonly DutyInterrupt[],
  work: readonly InterruptWork[],
  until = Infinity,
): TurnLoad {
  const span = { start: turn.start, end: Math.min(turn.end, until) };
  const held = turn.duty ? intersectIntervals(unionIntervals(turn.duty), [span]) : [span];
  const inTurn = interrupts.filter((i) => containsInstant(held, i.openedAt));
  const received: Record<InterruptKind, number> = { page: 0, ticket: 0, request: 0 };
  for (const interrupt of inTurn) received[interrupt.kind] += 1;
  const logged = intersectIntervals(unionIntervals(work.filter((w) => w.personId === turn.personId)), held);
  const scheduled = intersectIntervals(turn.scheduled, held);
  const tickets = interrupts.filter((i) => i.kind === "ticket");
  const open = tickets.filter((ticket) => openAt(ticket, span.end));
  return {
    personId: turn.personId,
    start: turn.start,
    end: turn.end,
    received,
    loggedMinutes: minutes(totalMs(logged)),
    dutyMinutes: minutes(totalMs(scheduled)),
    openAtHandoff: open.length,
    carriedOver: open.filter((ticket) => openAt(ticket, span.start)).length,
    peakIncidents: peakIncidents(
      span,
      inTurn.filter((i) => i.isIncident).map((i) => i.openedAt),
    ),
    afterHoursMinutes: minutes(totalMs(subtractIntervals(logged, scheduled))),
  };
}
