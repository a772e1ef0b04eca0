import { endsInFuture, FUTURE_END_MESSAGE } from "@/server/domain/accounting";
import { MINUTE_MS } from "@/server/domain/time";
import { DomainError } from "../errors";

/** The start of work that lasted `minutes` of elapsed time and ended at `end`. */
export function startBefore(end: Date, minutes: number): Date {
  return new Date(end.getTime() - minutes * MINUTE_MS);
}

/** The end of work that started at `start` and lasted `minutes` of elapsed time. */
export function endAfter(start: Date, minutes: number): Date {
  return new Date(start.getTime() + minutes * MINUTE_MS);
}

/** Refuses work that would end after now; `field` is the input that put the end there. */
export function requireEndedBy(end: Date, now: Date, field: string): void {
  if (endsInFuture(end, now)) throw new DomainError("invalid", FUTURE_END_MESSAGE, field);
}
