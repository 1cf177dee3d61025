// The page's own names for the stretches of work behind its charts, as User Timing measures: the site bench
// reads them next to its Chromium trace to tell which part of a chart a slow first paint went to.

/** Runs `work` and records how long it took under `name`. */
export function measured<T>(name: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    performance.measure(name, { start, end: performance.now() });
  }
}

/** Records the time since `start` (a performance.now() reading) under `name`: for work that spans awaits. */
export function measuredSince(name: string, start: number): void {
  performance.measure(name, { start, end: performance.now() });
}
