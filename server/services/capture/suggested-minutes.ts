import "server-only";
import { MINUTE_MS } from "@/server/domain/time";

/** A page rarely takes longer than this by hand; longer alerts mostly fire while nobody works on them. */
export const SUGGESTION_CAP_MINUTES = 4 * 60;

/**
 * The time to suggest for a captured incident: from its first alert's start to its resolution (or to now while
 * it still fires), in whole minutes, at least 1 and at most the cap. The engineer edits it before confirming.
 */
export function suggestedMinutes(startsAt: Date, resolvedAt: Date | null, now: Date): number {
  const end = resolvedAt ?? now;
  const minutes = Math.round((end.getTime() - startsAt.getTime()) / MINUTE_MS);
  return Math.min(SUGGESTION_CAP_MINUTES, Math.max(1, minutes));
}
