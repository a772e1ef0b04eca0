export interface ParetoShares {
  /** This source's part of the total cost, 0..1. */
  share: number;
  /** The part of the total cost of this source and every costlier one: the Pareto line. */
  cumulativeShare: number;
}

/**
 * Sources ranked by cost, costliest first (ties by `tieBreak`), each with its share and the running share.
 * Stable for equal costs, so the same data always draws the same chart.
 */
export function rankByCost<T extends object>(
  sources: readonly T[],
  costOf: (source: T) => number,
  tieBreak: (a: T, b: T) => number,
): Array<T & ParetoShares> {
  const ranked = [...sources].sort((a, b) => costOf(b) - costOf(a) || tieBreak(a, b));
  const total = ranked.reduce((sum, source) => sum + Math.max(0, costOf(source)), 0);
  let running = 0;
  return ranked.map((source) => {
    const cost = Math.max(0, costOf(source));
    running += cost;
    return {
      ...source,
      share: total > 0 ? cost / total : 0,
      // The last source closes the line at exactly 1, whatever the rounding of the sum.
      cumulativeShare: total > 0 ? (running === total ? 1 : running / total) : 0,
    };
  });
}
