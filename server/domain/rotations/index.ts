export type {
  Absence,
  DutyWindow,
  Interval,
  Override,
  RotationRole,
  RotationSpec,
  ScheduleQuality,
  ScheduleWarning,
  ScheduleWarningKind,
  Shift,
  TurnAnchor,
} from "./types";
export { expandShifts } from "./expand-shifts";
export { crossesMidnight, dutyIntervals, windowMinutes, windowOverlaps, type WindowOverlap } from "./duty-windows";
export { dutyEndOf } from "./duty-end";
export { expandMany } from "./expand-many";
export { scheduleWarnings, type ScheduleWarningsInput } from "./schedule-warnings";
export { ONE_SITE_MINIMUM, PER_SITE_MINIMUM, regionOfTimeZone } from "./rotation-size";
export { fairFill, type FairAssignment, type FairFillInput, type FairFillResult } from "./fair-fill";
export { scheduleQuality } from "./schedule-quality";
export { NIGHT_WEIGHT, WEEKEND_WEIGHT, weightedHours } from "./weighted-hours";
export { assertValidRotation } from "./validate-rotation";
export {
  reanchor,
  turnAt,
  turnHolders,
  upcomingTurns,
  type Reanchored,
  type TurnChoice,
  type UpcomingTurn,
} from "./turn-holders";
export { coverageGaps, coverageOf, dutyStartOf, requiredDuty, type Coverage } from "./coverage-gaps";
export { GAP_TURN } from "./gap-covers";
export { PENALISED_WARNINGS, WARNING_POINTS, penalisedQuality } from "./quality-penalty";
export { coversForGaps, type GapCover, type GapFillInput, type GapFillResult } from "./gap-fill";
