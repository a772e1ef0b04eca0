export {
  MINUTE_MS,
  clipIntervals,
  containsInstant,
  intersectIntervals,
  normalize,
  subtractIntervals,
  totalMs,
  unionIntervals,
  type Interval,
} from "./intervals";
export { addDays, addMonths, compareDates, isoWeekday, type LocalDate } from "./calendar";
export {
  MINUTES_PER_DAY,
  ianaZone,
  isValidTimeZone,
  localDateOf,
  localDayStart,
  localMinuteOfDay,
  wallClockInstant,
} from "./wall-clock";
export { DEFAULT_WORK_PATTERN, workPatternIntervals, workPatternProblems, type WorkPattern } from "./work-pattern";
export { SLEEP_END_MINUTE, SLEEP_START_MINUTE, bandOf, splitByBand, type TimeBand } from "./bands";
