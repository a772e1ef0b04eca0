/**
 * Admission in front of the request handler: at most `limit` requests are handled at once and the rest wait in
 * arrival order. Without it a burst of 100 requests interleaves all of their database statements, so every page's
 * twenty statements each queue behind everyone else's (on PGlite one queue for the whole process) and the slowest
 * request waits for nearly all the others to finish. First come, first served bounds each wait by the queue ahead
 * of it: under overload requests answer late, in order, and none is refused.
 */
export interface RequestGate {
  /** Resolves when the request may run; call the returned function once it is done (extra calls are ignored). */
  enter(): Promise<() => void>;
  /** Requests running now and waiting, for metrics and tests. */
  readonly running: number;
  readonly waiting: number;
}

export function requestGate(limit: number): RequestGate {
  if (!Number.isInteger(limit) || limit < 1)
    throw new Error(`a request gate needs a limit of at least 1, not ${limit}`);
  let running = 0;
  const queue: Array<() => void> = [];

  function release() {
    const next = queue.shift();
    // The slot passes straight to the next in line, so a newcomer can never overtake the queue.
    if (next) next();
    else running -= 1;
  }

  function ticket(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      release();
    };
  }

  return {
    enter() {
      if (running < limit) {
        running += 1;
        return Promise.resolve(ticket());
      }
      return new Promise((resolve) => queue.push(() => resolve(ticket())));
    },
    get running() {
      return running;
    },
    get waiting() {
      return queue.length;
    },
  };
}
