import "server-only";
import { serverNow } from "@/server/clock";
import { Duration } from "luxon";
import type { Db } from "@/db/client";
import { BREACH_SWEEP_LOCK_KEY, whileHoldingLock, type LockSession } from "./advisory-lock";
import { logFailure } from "./background";
import { sweepCapBreaches, type SweepReport } from "./sweep-breaches";

export const DEFAULT_SWEEP_SECONDS = Duration.fromObject({ minutes: 10 }).as("seconds");
/** The first sweep comes soon after start, so deliveries a stopped server left pending are retried. */
const FIRST_SWEEP_AFTER_MS = Duration.fromObject({ minutes: 1 }).toMillis();

/**
 * TOILCAP_BREACH_SWEEP_SECONDS: seconds between sweeps, 0 turns the sweep off; unset is every 10 minutes.
 * Anything else is refused with the reason, so a typo never silently stops the notifications.
 */
export function sweepSeconds(value: string | undefined): { seconds: number } | { error: string } {
  if (value === undefined || value.trim() === "") return { seconds: DEFAULT_SWEEP_SECONDS };
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 0)
    return {
      error: `TOILCAP_BREACH_SWEEP_SECONDS must be a whole number of seconds (0 turns the sweep off), not "${value}".`,
    };
  return { seconds };
}

export interface SweepSchedule {
  /** Stops scheduling; a sweep in progress finishes. */
  stop(): void;
}

export interface SweepOptions {
  db: Db;
  openLockSession: () => Promise<LockSession>;
  intervalMs: number;
  now?: () => Date;
  onSweep?: (report: SweepReport | null) => void;
}

/**
 * Sweeps every `intervalMs` on this server, each time only if no other server is sweeping (advisory lock). The
 * next sweep is planned when one ends, so sweeps never overlap; the timer does not keep the process alive.
 */
export function scheduleBreachSweep(options: SweepOptions): SweepSchedule {
  const now = options.now ?? serverNow;
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const plan = (delay: number) => {
    if (stopped) return;
    timer = setTimeout(() => void sweepOnce(), delay);
    timer.unref();
  };
  const sweepOnce = async () => {
    try {
      const run = await whileHoldingLock(await options.openLockSession(), BREACH_SWEEP_LOCK_KEY, () =>
        sweepCapBreaches(options.db, now()),
      );
      options.onSweep?.(run.ran ? run.result : null);
    } catch (error) {
      logFailure("cap-breach sweep", error);
    } finally {
      plan(options.intervalMs);
    }
  };
  plan(Math.min(options.intervalMs, FIRST_SWEEP_AFTER_MS));
  return {
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
