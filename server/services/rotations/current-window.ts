import "server-only";
import { DateTime } from "luxon";
import { MAX_SHIFT_COUNT } from "@/server/schemas/rotations";
import type { Interval } from "@/server/domain/rotations";

/** From the longest shift before now to `ahead` after, so a shift in progress is seen whole. */
export function aroundNow(now: Date, ahead: { weeks: number }): Interval {
  const at = DateTime.fromJSDate(now, { zone: "utc" });
  return { start: at.minus({ weeks: MAX_SHIFT_COUNT.weeks, days: 1 }).toMillis(), end: at.plus(ahead).toMillis() };
}
