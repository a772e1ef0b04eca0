/** How far apart the members' shares are: the team mean hides it (docs/accounting.md: 0% to 80% in one team). */
export interface ShareSpread {
  min: number;
  median: number;
  max: number;
  /** How many members it is over: those with worked time in the period. */
  members: number;
}

/** Min, median (the mean of the middle two for an even count) and max; null for no shares. */
export function shareSpread(shares: readonly number[]): ShareSpread | null {
  const sorted = [...shares].sort((a, b) => a - b);
  const count = sorted.length;
  const min = sorted[0];
  const max = sorted[count - 1];
  if (min === undefined || max === undefined) return null;
  const upper = sorted[Math.floor(count / 2)] ?? max;
  const lower = sorted[Math.floor((count - 1) / 2)] ?? min;
  return { min, median: (lower + upper) / 2, max, members: count };
}
