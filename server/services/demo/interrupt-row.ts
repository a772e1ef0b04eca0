import type { interrupt } from "@/db/schema";
import { MINUTE_MS, type DemoWindow } from "./calendar";
import type { WorkEntryRow } from "./entry-row";
import type { Random } from "./prng";

export type InterruptRow = typeof interrupt.$inferInsert;

export interface InterruptPlan {
  interrupts: InterruptRow[];
  entries: WorkEntryRow[];
}

/** When it was closed, `minutes` after it opened, or null while it is still open at `now`. */
export function resolvedBy(openedAt: number, minutes: number, window: DemoWindow): Date | null {
  const resolved = openedAt + minutes * MINUTE_MS;
  return resolved <= window.nowMs ? new Date(resolved) : null;
}

/** Reviews happen about a week later and not always: recent and some older interrupts stay unreviewed. */
export function reviewed(random: Random, openedAt: number, window: DemoWindow): boolean {
  return openedAt < window.reviewedBeforeMs && random.chance(0.85);
}

/** Whether a review called it actionable, or null while nobody has reviewed it. */
export function reviewOutcome(
  random: Random,
  openedAt: number,
  window: DemoWindow,
  actionableChance: number,
): boolean | null {
  return reviewed(random, openedAt, window) ? random.chance(actionableChance) : null;
}
