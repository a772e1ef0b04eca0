/**
 * The nearest-rank percentile of ascending `sorted` samples: the smallest sample with at least p% of the samples
 * at or below it. NaN when there are none, so an empty run never reads as a 0 ms latency.
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN;
}
