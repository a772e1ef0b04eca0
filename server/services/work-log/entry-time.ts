import "server-only";
import { MINUTE_MS } from "@/server/domain/time";

/** The start of work that lasted `minutes` of elapsed time and ended at `end`. */
export function startBefore(end: Date, minutes: number): Date {
  return new Date(end.getTime() - minutes * MINUTE_MS);
}

/** The end of work that started at `start` and lasted `minutes` of elapsed time. */
export function endAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * MINUTE_MS);
}
