/**
 * The alert-to-incident ratio of a week: pages per incident. Near 1, almost every page was a real incident;
 * higher, most pages were noise to tune, silence or fix. The bands are a reading aid, not a rule of the product.
 */

export type RatioReading = "quiet" | "no-incidents" | "healthy" | "noisy" | "very-noisy";

/** Upper bounds (inclusive) of the healthy and noisy bands, in pages per incident. */
export const RATIO_BANDS = { healthy: 1.5, noisy: 3 } as const;

export interface AlertIncidentRatio {
  pages: number;
  incidents: number;
  /** Pages per incident; null when there was no incident. */
  ratio: number | null;
  reading: RatioReading;
}

function count(value: number, what: string): number {
  if (!Number.isInteger(value) || value < 0)
    throw new RangeError(`${what} must be a whole number, 0 or more (got ${value})`);
  return value;
}

export function alertToIncidentRatio(pages: number, incidents: number): AlertIncidentRatio {
  count(pages, "pages");
  count(incidents, "incidents");
  // Incidents are pages marked as such, so there are never more of them.
  if (incidents > pages) throw new RangeError(`incidents (${incidents}) cannot exceed pages (${pages})`);
  if (pages === 0) return { pages, incidents, ratio: null, reading: "quiet" };
  if (incidents === 0) return { pages, incidents, ratio: null, reading: "no-incidents" };
  const ratio = pages / incidents;
  const reading = ratio <= RATIO_BANDS.healthy ? "healthy" : ratio <= RATIO_BANDS.noisy ? "noisy" : "very-noisy";
  return { pages, incidents, ratio, reading };
}
