/** The alerts that paged the team most in a review's week, and how many of those pages were worth it. */

export interface AlertPage {
  alertName: string | null;
  /** The review's verdict; null while nobody has reviewed it. */
  actionable: boolean | null;
  /** Captured while a silence of its alert name was active. */
  silenced: boolean;
}

export interface NoisyAlert {
  alertName: string;
  pages: number;
  actionable: number;
  notActionable: number;
  unreviewed: number;
  silencedPages: number;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Alert names ranked by pages, most first; among equals, the one with more pages reviewed as not actionable
 * (the noisier), then by name so the order never depends on the input's. Pages without an alert name (logged
 * by hand) are not an alert to tune and are left out. At most `limit` rows.
 */
export function rankNoisiestAlerts(pages: readonly AlertPage[], limit: number): NoisyAlert[] {
  if (!Number.isInteger(limit) || limit < 0)
    throw new RangeError(`limit must be a whole number, 0 or more (got ${limit})`);
  const byName = new Map<string, NoisyAlert>();
  for (const page of pages) {
    const name = page.alertName?.trim();
    if (!name) continue;
    const row = byName.get(name) ?? {
      alertName: name,
      pages: 0,
      actionable: 0,
      notActionable: 0,
      unreviewed: 0,
      silencedPages: 0,
    };
    row.pages += 1;
    if (page.actionable === true) row.actionable += 1;
    else if (page.actionable === false) row.notActionable += 1;
    else row.unreviewed += 1;
    if (page.silenced) row.silencedPages += 1;
    byName.set(name, row);
  }
  return [...byName.values()]
    .sort((a, b) => b.pages - a.pages || b.notActionable - a.notActionable || compareText(a.alertName, b.alertName))
    .slice(0, limit);
}
