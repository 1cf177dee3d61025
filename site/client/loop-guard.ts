// Lets the learner's code run on the page's own thread without an endless loop freezing the page: the site's
// build puts a call to loopTick() at the top of every loop body in exercises/, and a run given a deadline stops there.

/** Thrown from inside the learner's loop once a run is over its time. */
export class StillRunning extends Error {
  constructor(readonly afterMs: number) {
    super(`your code was still running after ${afterMs / 1000} s — is there a loop that never ends?`);
  }
}

// No deadline by default: in a worker the page stops an endless loop by terminating the worker instead.
let deadline = Infinity;
let limitMs = 0;
let expired = false;
let ticks = 0;

export function loopTick(): void {
  // Reading the clock on every iteration would slow tight loops; once expired, every tick throws, so a loop
  // that catches the error is stopped again at its next iteration.
  if (expired || ((++ticks & 1023) === 0 && performance.now() > deadline)) {
    expired = true;
    throw new StillRunning(limitMs);
  }
}

/** From now until clearDeadline(), learner loops stop after `ms`; for code that runs across an await (an import). */
export function setDeadline(ms: number): void {
  [deadline, limitMs, expired] = [performance.now() + ms, ms, false];
}

export function clearDeadline(): void {
  [deadline, expired] = [Infinity, false];
}

/** Runs `work`, stopping the learner's loops in it after `ms`. */
export function withDeadline<T>(ms: number, work: () => T): T {
  setDeadline(ms);
  try {
    return work();
  } finally {
    clearDeadline();
  }
}
