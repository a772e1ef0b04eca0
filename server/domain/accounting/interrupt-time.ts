import { MINUTE_MS } from "../time";
import { MAX_ENTRY_MINUTES } from "./duration";

export interface SuggestedInterruptTime {
  /** When the logged work ends: the resolution when known, else now (left to the server). */
  endsAt: Date | null;
  /** Opening to resolution in whole minutes, when that fits in one entry; else the engineer says. */
  minutes: number | null;
}

/**
 * The time to propose for work on an interrupt: it ran from opening to resolution. Still open, the work ends now
 * and its length is the engineer's to say; an interrupt open longer than one entry may hold is not worked whole.
 */
export function suggestedInterruptTime(openedAt: Date, resolvedAt: Date | null): SuggestedInterruptTime {
  if (!resolvedAt) return { endsAt: null, minutes: null };
  const minutes = Math.max(1, Math.round((resolvedAt.getTime() - openedAt.getTime()) / MINUTE_MS));
  return { endsAt: resolvedAt, minutes: minutes <= MAX_ENTRY_MINUTES ? minutes : null };
}
