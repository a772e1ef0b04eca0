import "server-only";
import { MINUTE_MS } from "@/server/domain/time";

/** What a ticket's work usually takes by hand; the engineer edits it before confirming. */
export const TICKET_SUGGESTION_MINUTES = 30;

/**
 * The time to suggest for a captured ticket. A ticket stays open for hours or days while someone works on it for
 * a fraction of that, so its open time is no estimate: suggest half an hour, or the time it was open when shorter.
 */
export function suggestedTicketMinutes(openedAt: Date, resolvedAt: Date | null): number {
  if (!resolvedAt) return TICKET_SUGGESTION_MINUTES;
  const open = Math.round((resolvedAt.getTime() - openedAt.getTime()) / MINUTE_MS);
  return Math.min(TICKET_SUGGESTION_MINUTES, Math.max(1, open));
}
