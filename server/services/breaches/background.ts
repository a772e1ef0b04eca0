/**
 * Work that runs after a request has answered: webhook deliveries, and a breach check that outran its budget.
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

/**
 * Waits for `work` up to `budgetMs`; past that it goes on in the background. Never throws, so the caller's
 * answer does not depend on it.
 */
export async function awaitWithinBudget(what: string, work: Promise<unknown>, budgetMs: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const finished = work.then(
    () => true,
    (error: unknown) => {
      logFailure(what, error);
      return true;
    },
  );
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), budgetMs);
  });
  const done = await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  if (!done) runInBackground(what, finished);
}

/** Resolves once nothing started in the background is still running (tests, before closing the database). */
export async function settleBackgroundWork(): Promise<void> {
  while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
}
