import { Duration } from "luxon";

/** A breach's webhook is tried at most this many times, then given up ("failed"). */
export const MAX_DELIVERY_ATTEMPTS = 5;

/**
 * When each retry falls due, counted from the breach's detection: the first attempt is made at once by whoever
 * stored the breach; a sweep picks up an attempt that never started after a minute, then retries 5 minutes,
 * 20 minutes, an hour and three hours after detection. The sweep runs every few minutes, so these are earliest times.
 */
const DUE_AFTER_DETECTION = [
  Duration.fromObject({ minutes: 1 }),
  Duration.fromObject({ minutes: 5 }),
  Duration.fromObject({ minutes: 20 }),
  Duration.fromObject({ hours: 1 }),
  Duration.fromObject({ hours: 3 }),
].map((d) => d.toMillis());

/** How long after the last retry's due time a claimed attempt that never reported back is given up. */
const STUCK_AFTER_MS = Duration.fromObject({ minutes: 30 }).toMillis();

/** The earliest instant (epoch ms) the attempt after `attemptsMade` may start; null when none is left. */
export function nextAttemptDue(detectedAt: number, attemptsMade: number): number | null {
  if (attemptsMade >= MAX_DELIVERY_ATTEMPTS) return null;
  const delay = DUE_AFTER_DETECTION[attemptsMade];
  return delay === undefined ? null : detectedAt + delay;
}

/**
 * A delivery still pending with every attempt claimed means a server stopped mid-attempt: it is given up
 * once the last attempt is well overdue.
 */
export function isStuckDelivery(detectedAt: number, attemptsMade: number, now: number): boolean {
  const last = DUE_AFTER_DETECTION[MAX_DELIVERY_ATTEMPTS - 1] ?? 0;
  return attemptsMade >= MAX_DELIVERY_ATTEMPTS && now >= detectedAt + last + STUCK_AFTER_MS;
}

export type DeliveryStatus = "pending" | "sent" | "failed" | "none";

export interface AttemptResult {
  ok: boolean;
  /** "HTTP 500", "timed out after 5 s", "connection refused"...; null on success. */
  error: string | null;
}

/** The stored status after attempt number `attempt` (1-based) ended with `result`. */
export function statusAfterAttempt(attempt: number, result: AttemptResult): DeliveryStatus {
  if (result.ok) return "sent";
  return attempt >= MAX_DELIVERY_ATTEMPTS ? "failed" : "pending";
}
