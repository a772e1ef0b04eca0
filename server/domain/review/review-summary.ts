/** The weekly review's summary of its items: how far the review got, and how much of it was worth the interrupt. */

export interface ReviewedItem {
  /** The review's verdict; null while nobody has reviewed it. */
  actionable: boolean | null;
}

export interface ReviewProgress {
  items: number;
  reviewed: number;
  unreviewed: number;
  actionable: number;
  notActionable: number;
  /** Actionable over reviewed; null while none is reviewed. */
  actionableShare: number | null;
}

export function reviewProgress(items: readonly ReviewedItem[]): ReviewProgress {
  const actionable = items.filter((item) => item.actionable === true).length;
  const notActionable = items.filter((item) => item.actionable === false).length;
  const reviewed = actionable + notActionable;
  return {
    items: items.length,
    reviewed,
    unreviewed: items.length - reviewed,
    actionable,
    notActionable,
    actionableShare: reviewed > 0 ? actionable / reviewed : null,
  };
}
