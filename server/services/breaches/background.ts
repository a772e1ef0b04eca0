import "server-only";
/**
 * Work that runs after a request has answered: breach checks and webhook deliveries.
 * Nothing here is state the app depends on (the sweep redoes whatever a stopped server left undone); the set
 * only lets tests and shutdown wait for what is in flight.
 */
const inFlight = new Set<Promise<void>>();

export function logFailure(what: string, error: unknown): void {
  const reason = error instanceof Error ? error.message : String(error);
  console.error(`Toilcap: ${what} failed: ${reason}`);
}

/** Runs `work` without anyone awaiting it; a failure is logged, never thrown. */
export function runInBackground(what: string, work: Promise<unknown>): void {
  const tracked: Promise<void> = work.then(
    () => undefined,
    (error: unknown) => logFailure(what, error),
  );
  inFlight.add(tracked);
  void tracked.finally(() => inFlight.delete(tracked));
}

/** Resolves once nothing started in the background is still running (tests, before closing the database). */
export async function settleBackgroundWork(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
