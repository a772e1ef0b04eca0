import { shareText } from "../work/datetime";

/** "16 Nov", or "7 Dec (so far)" for the running week. */
export function trendLabel(week: { label: string; partial: boolean }): string {
  return week.partial ? `${week.label} (so far)` : week.label;
}

/** A share, or "too early to tell" for a week without enough time counted. */
export function trendCell(share: number | null | undefined): string {
  return share === null || share === undefined ? "too early to tell" : shareText(share);
}
