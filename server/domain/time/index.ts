export {
  MINUTE_MS,
  clipIntervals,
  clipTo,
  containsInstant,
  intersectIntervals,
  normalize,
  overlaps,
  subtractIntervals,
  totalMs,
  unionIntervals,
  type Interval,
} from "./intervals";
export {
  addDays,
  addMonths,
  compareDates,
  formatLocalDate,
  isoWeekday,
  parseLocalDate,
  readLocalDate,
  type LocalDate,
} from "./calendar";
export {
  MINUTES_PER_DAY,
  ianaZone,
  isValidTimeZone,
  localDateOf,
  localDayStart,
  localMinuteOfDay,
  offsetChanges,
  todayIn,
  utcOffsetMinutes,
  wallClockInstant,
  wallTimeAt,
} from "./wall-clock";
export type { OffsetChange } from "./zone-offset";
export { instantOfText, type TextFormat } from "./local-text";
export { DEFAULT_WORK_PATTERN, workPatternIntervals, workPatternProblems, type WorkPattern } from "./work-pattern";
export { SLEEP_END_MINUTE, SLEEP_START_MINUTE, bandOf, splitByBand, type TimeBand } from "./bands";
