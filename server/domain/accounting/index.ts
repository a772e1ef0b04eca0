export {
  DUTY_ROLES,
  ON_CALL_ROLES,
  type Accounting,
  type AccountingFacts,
  type AccountingInput,
  type AccountingIntervals,
  type Caps,
  type EntryCategory,
  type Shift,
  type ShiftRole,
  type WorkEntry,
} from "./types";
export {
  accountingFromIntervals,
  accountingIntervals,
  accountingOfTime,
  computeAccounting,
  msToMinutes,
  weeklyAccounting,
  type RuleTime,
} from "./compute";
export { NO_HISTORY, projectLoad, toilHistoryOf, type PersonLoadFacts, type ToilHistory } from "./projected-load";
export { aggregateTeam } from "./team";
export { periodWindow, periodWindows, rollingDaysWindow, weekWindows, type PeriodKind } from "./periods";
export {
  INCIDENTS_PER_SHIFT_LIMIT,
  INCIDENT_WINDOW_MS,
  incidentsPerShiftWindow,
  type ShiftWindowLoad,
} from "./incidents";
export { MAX_ENTRY_MINUTES, formatMinutes, parseDuration, type ParsedDuration } from "./duration";
export { isProvisional, isTeamProvisional, PROVISIONAL_BELOW_MINUTES } from "./provisional";
export { capStanding, toilShareParts, type CapStanding, type ToilShareParts } from "./cap-standing";
export { overCapRun, runMayReachFurther, type OverCapRun } from "./over-cap-run";
export { shareSpread, type ShareSpread } from "./share-spread";
export { countedSpan } from "./periods";
export { spanOf, trendWeeks, trendWindows, type TrendWindow } from "./trend-weeks";
export { trendPoint, type TrendPoint } from "./trend-point";
export { ENTRY_END_SKEW_MINUTES, FUTURE_END_MESSAGE, endsInFuture } from "./entry-end";
export { suggestedInterruptTime, type SuggestedInterruptTime } from "./interrupt-time";
