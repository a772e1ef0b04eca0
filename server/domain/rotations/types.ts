import type { Interval } from "../time";

export type { Interval };

export type RotationRole = "primary" | "secondary" | "ticket" | "shadow";

/**
 * A weekly stretch of duty on the rotation's wall clock: it starts on each of `days` (ISO weekdays 1..7) at
 * `startMinute` after local midnight and ends at `endMinute`, on the next day when `endMinute <= startMinute`
 * (20:00-08:00 is a night; 08:00-08:00 a whole day). `endMinute` may be 1440 for midnight.
 */
export interface DutyWindow {
  days: number[];
  startMinute: number;
  endMinute: number;
}

export interface RotationSpec {
  id: string;
  role: RotationRole;
  /** IANA zone whose wall clock the hand-offs follow. */
  timeZone: string;
  shiftLength: { unit: "hours" | "days" | "weeks" | "months"; count: number };
  /** ISO weekday 1..7 and minutes after local midnight; the weekday is ignored for "hours" and "months" shifts. */
  handoff: { weekday: number; minute: number };
  /** ISO local date (yyyy-mm-dd); the first hand-off is the first hand-off weekday and time on or after it. */
  startsOn: string;
  /** Ordered person ids: the turn order. */
  participants: string[];
  /** When set, duty is only held inside these weekly windows; null or absent means all the time. */
  dutyWindows?: readonly DutyWindow[] | null;
  /** ISO local date (yyyy-mm-dd): duty stops on it at the hand-off time; null or absent means no end. */
  endsOn?: string | null;
  /** Pins who holds the turn in progress at an instant; without it turn n goes to participants[n mod length]. */
  anchor?: TurnAnchor | null;
}

/**
 * The turn in progress at `at` (or the next turn, when `at` falls between a restricted rotation's duty periods)
 * goes to participants[index], and every other turn follows the list on from there. Saved when participants
 * change, so an edit never moves the shift in progress.
 */
export interface TurnAnchor {
  at: number;
  index: number;
}

/** A cover: `personId` takes the duty during [start, end), only from `replacesPersonId` when that is set. */
export interface Override {
  id: string;
  start: number;
  end: number;
  personId: string;
  replacesPersonId?: string | null;
}

export interface Absence {
  personId: string;
  start: number;
  end: number;
}

export interface Shift {
  rotationId: string;
  role: RotationRole;
  personId: string;
  start: number;
  end: number;
  turn: number;
  source: "rotation" | "override";
  onLeave: boolean;
}

export type ScheduleWarningKind = "too-small" | "back-to-back" | "on-leave" | "gap";

export interface ScheduleWarning {
  kind: ScheduleWarningKind;
  rotationId: string;
  message: string;
  personId?: string;
  start?: number;
  end?: number;
}

export interface ScheduleQuality {
  /** Share of the duty hours in the window that someone covers, 0..1. */
  coverage: number;
  /** 1 - (imbalance beyond one turn) / heaviest load, 0..1; see schedule-quality.ts. */
  balance: number;
  /** 0..100: coverage times a balance factor between 0.5 and 1, less `warningPenalty`. */
  score: number;
  /** Points taken off the score for warnings a planner must act on (see quality-penalty.ts). */
  warningPenalty: number;
  /** Weighted hours per person: prior load plus the load in the window. */
  loadByPerson: Record<string, number>;
}
