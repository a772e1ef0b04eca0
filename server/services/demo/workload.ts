import type { Random } from "./prng";
import type { Workload } from "./roster";

/** How much routine work someone logs in a week; interrupt work comes on top of this. */
export interface WorkloadProfile {
  /** Toil entries in demo week `week`, of which the person works `workdays` days (holidays and leave excluded). */
  toilEntries(week: number, workdays: number, random: Random): number;
  /** Scales the typical minutes of each task: heavy loggers get the long, messy version. */
  durationFactor: number;
  /** Share of toil done in the evening, after hours. */
  eveningShare: number;
  /** Chance per week of one weekend task. */
  weekendChance: number;
  overheadEntries: [number, number];
}

export const WORKLOADS: Record<Workload, WorkloadProfile> = {
  // About 5 h of toil a working day, 25 h in a full week: clearly over the 50% cap, holidays or not.
  heavy: {
    toilEntries: (_week, workdays, random) => Math.round(workdays * random.between(4.2, 4.8)),
    durationFactor: 1.7,
    eveningShare: 0.12,
    weekendChance: 0.4,
    overheadEntries: [1, 2],
  },
  // Toil that scales with the service: light at the start, over the cap in the last weeks.
  growing: {
    toilEntries: (week, workdays, random) => Math.round(((5 + week * 1.2) * workdays) / 5) + random.int(-1, 1),
    durationFactor: 1.6,
    eveningShare: 0.1,
    weekendChance: 0.25,
    overheadEntries: [1, 3],
  },
  regular: {
    toilEntries: (_week, _workdays, random) => random.int(3, 8),
    durationFactor: 1,
    eveningShare: 0.06,
    weekendChance: 0.05,
    overheadEntries: [1, 4],
  },
  light: {
    toilEntries: (_week, _workdays, random) => random.int(1, 2),
    durationFactor: 0.5,
    eveningShare: 0,
    weekendChance: 0,
    overheadEntries: [2, 4],
  },
};
