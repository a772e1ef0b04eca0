import { Duration } from "luxon";
import type { Interval } from "../time";
import { ON_CALL_ROLES, type Shift } from "./types";

/** At most 2 incidents per 12-hour on-call shift: an incident takes about 6 hours end to end. */
export const INCIDENTS_PER_SHIFT_LIMIT = 2;

/** Elapsed hours, not wall clock: the limit is about how long a person is loaded. */
export const INCIDENT_WINDOW_MS = Duration.fromObject({ hours: 12 }).toMillis();

export interface ShiftWindowLoad<S extends Shift = Shift> {
  shift: S;
  window: Interval;
  incidents: number;
  overLimit: boolean;
}

/**
 * Incidents counted per 12-hour window of each on-call (primary or secondary) shift, windows
 * starting at the shift start and the last one cut at the shift end (rule 8). Pass only pages
 * marked as incidents. Each shift is counted on its own, so overlapping shifts may share an incident.
 */
export function incidentsPerShiftWindow<S extends Shift>(
  shifts: readonly S[],
  incidentTimes: readonly number[],
): Array<ShiftWindowLoad<S>> {
  const sortedTimes = [...incidentTimes].sort((a, b) => a - b);
  const loads: Array<ShiftWindowLoad<S>> = [];
  const onCallShifts = shifts
    .filter((s) => ON_CALL_ROLES.has(s.role) && Number.isFinite(s.start) && Number.isFinite(s.end))
    .sort((a, b) => a.start - b.start);
  for (const shift of onCallShifts) {
    for (let start = shift.start; start < shift.end; start += INCIDENT_WINDOW_MS) {
      const window = { start, end: Math.min(start + INCIDENT_WINDOW_MS, shift.end) };
      const incidents = countInRange(sortedTimes, window);
      loads.push({ shift, window, incidents, overLimit: incidents > INCIDENTS_PER_SHIFT_LIMIT });
    }
  }
  return loads;
}

/** Instants in [start, end) of an ascending list, by binary search so a year of pages stays fast. */
function countInRange(sorted: readonly number[], range: Interval): number {
  return firstIndexAtOrAfter(sorted, range.end) - firstIndexAtOrAfter(sorted, range.start);
}

function firstIndexAtOrAfter(sorted: readonly number[], instant: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? Infinity) < instant) low = middle + 1;
    else high = middle;
  }
  return low;
}
