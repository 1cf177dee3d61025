// What the learner's code printed while a visible test's jobs ran, carried to the report on the test's vitest task
// meta (as figures are): the scorecard shows it under the test that failed, where a learner's debugging prints help.
// The session never passes on a hidden job's prints, and the report drops any a hidden test's meta holds.
import { onTestFinished } from 'vitest';

declare module 'vitest' {
  interface TaskMeta {
    /** What the learner's code printed during the jobs this test read, in the order it read them. */
    printed?: string;
  }
}

/** Jobs whose prints a test's meta already holds: a test may read the same result more than once. */
const shown = new WeakMap<object, Set<string>>();

/**
 * Adds job `job`'s prints to the running test's meta. Outside a test (a hook reading a result) there is no test to
 * show them with, and they are left out.
 */
export function showPrinted(job: string, printed: string): void {
  try {
    onTestFinished(({ task }) => {
      const jobs = shown.get(task) ?? new Set<string>();
      shown.set(task, jobs);
      if (jobs.has(job)) return;
      jobs.add(job);
      task.meta.printed = (task.meta.printed ?? '') + printed;
    });
  } catch {
    // not inside a test
  }
}
