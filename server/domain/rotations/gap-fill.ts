import { weightedHours } from "./weighted-hours";
import type { Absence, Interval, RotationSpec } from "./types";

export interface GapCover {
  start: number;
  end: number;
  personId: string;
}

export interface GapFillInput {
  rotation: RotationSpec;
  gaps: readonly Interval[];
  absences: readonly Absence[];
  /** Weighted hours each person carries in the plan the covers join. */
  loadByPerson: Readonly<Record<string, number>>;
  /** People to ask only when nobody else can: already projected over a cap. */
  overCap?: ReadonlySet<string>;
}

export interface GapFillResult {
  covers: GapCover[];
  /** Gaps during which every participant is on leave. */
  uncovered: Interval[];
}

/**
 * One cover per gap, to the participant free for all of it who is under the caps and carries the least weighted
 * load so far (ties by turn order); each cover's weight counts before the next gap is given out.
 */
export function coversForGaps(input: GapFillInput): GapFillResult {
  const { rotation, absences } = input;
  const overCap = input.overCap ?? new Set<string>();
  const load = new Map([...new Set(rotation.participants)].map((person) => [person, input.loadByPerson[person] ?? 0]));
  const isFree = (person: string, gap: Interval): boolean =>
    !absences.some((absence) => absence.personId === person && absence.start < gap.end && gap.start < absence.end);
  const covers: GapCover[] = [];
  const uncovered: Interval[] = [];
  for (const gap of input.gaps) {
    const free = [...load.keys()].filter((person) => isFree(person, gap));
    const underCap = free.filter((person) => !overCap.has(person));
    const pool = underCap.length > 0 ? underCap : free;
    let chosen: string | undefined;
    for (const person of pool)
      if (chosen === undefined || (load.get(person) ?? 0) < (load.get(chosen) ?? 0)) chosen = person;
    if (chosen === undefined) {
      uncovered.push({ start: gap.start, end: gap.end });
      continue;
    }
    load.set(chosen, (load.get(chosen) ?? 0) + weightedHours(gap, rotation.timeZone));
    covers.push({ start: gap.start, end: gap.end, personId: chosen });
  }
  return { covers, uncovered };
}
