// One sandboxed run of a learner's files for a suite: bundle them, run the suite's jobs, and turn whatever
// happened (a build error, a timeout, process.exit, a throw) into the plain-language message a test reports.
import { TIME_LIMIT_SECONDS, TIMEOUT_PREFIX } from './limits.js';
import type { GradeTarget } from './grade-targets.js';
import type { SandboxOutcome } from '../sandbox/run-sandboxed.js';
import { runThroughBroker } from '../sandbox/broker-client.js';
import { inject } from 'vitest';
import { capText } from '../sandbox/cap-text.js';
import type { Job, JobResult, LearnerFailure } from '../sandbox/sandbox-protocol.js';

/** A failure to pass on as the test's message; the grade report reads its status from the prefix. */
export class SessionProblem extends Error {}

export interface Session {
  outcome: SandboxOutcome;
  /**
   * The result of job i, or a thrown SessionProblem saying why there is none. `hidden`: the job is a hidden
   * test's, so the reason must not carry anything the learner's code printed or saw.
   */
  result(index: number, hidden?: boolean): JobResult;
}

/** Why an optional file could not take part (missing, or not compiling), by file name. */
export type Unavailable = Record<string, string>;

/**
 * Runs `jobs` on the learner's `files`. A missing or non-compiling file fails the session, unless it is in
 * `optional`: then its jobs fail when loading it, and `unavailable` says why.
 */
export async function runSession(
  target: GradeTarget,
  course: string,
  files: string[],
  jobs: Job[],
  optional: string[] = [],
): Promise<Session & { unavailable: Unavailable }> {
  return limit(() => runSessionNow(target, course, files, jobs, optional));
}

/**
 * Starts a session at once, not in a hook, so that a batch queues every submission's sandbox run together.
 * `settled` is for a hook to wait on; `get()` gives the session, or throws why it could not run, so that
 * every test reports the reason.
 */
export function startSession(...args: Parameters<typeof runSession>): {
  settled: Promise<unknown>;
  get(): Session & { unavailable: Unavailable };
} {
  let session: (Session & { unavailable: Unavailable }) | undefined;
  let problem: unknown;
  const settled = runSession(...args).then(
    (done) => (session = done),
    (error: unknown) => (problem = error),
  );
  return {
    settled,
    get() {
      if (!session) throw problem instanceof Error ? problem : new SessionProblem(String(problem));
      return session;
    },
  };
}

// Sessions start as soon as a suite is defined (a batch defines one per submission), two at a time per worker.
const CONCURRENT_SESSIONS = 2;
let running = 0;
const waiting: Array<() => void> = [];
async function limit<T>(work: () => Promise<T>): Promise<T> {
  if (running >= CONCURRENT_SESSIONS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await work();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

async function runSessionNow(
  target: GradeTarget,
  course: string,
  files: string[],
  jobs: Job[],
  optional: string[],
): Promise<Session & { unavailable: Unavailable }> {
  const request = {
    dir: target.dir,
    shownAs: target.shownAs,
    course,
    required: files,
    optional,
    jobs,
    timeLimitMs: TIME_LIMIT_SECONDS * 1000,
  };
  // The grading process's broker bundles and runs on a sandbox booted ahead of time; run directly by vitest,
  // this worker does it itself.
  const broker = inject('sandboxBroker');
  const response = broker
    ? await runThroughBroker(broker, request)
    : await (await import('../sandbox/bundle-and-run.js')).bundleAndRun(request);
  const { outcome, unavailable } = response;
  if (!outcome)
    throw new SessionProblem(
      unavailable[files.find((file) => unavailable[file])!] ?? 'the learner files are unavailable',
    );
  return {
    outcome,
    unavailable,
    result(index, hidden = false) {
      const result = outcome.results[index];
      if (result) return result;
      if (outcome.timedOut) {
        throw new SessionProblem(
          `${TIMEOUT_PREFIX} your code did not finish within ${TIME_LIMIT_SECONDS} s: look for a loop that never ends (or a step count far too large)`,
        );
      }
      if (hidden) throw new SessionProblem('your code stopped the grading process during this hidden test');
      const tail = capText(outcome.output.trim().split('\n').slice(-3).join(' | '), 500);
      throw new SessionProblem(
        `your code ${outcome.ended ?? 'stopped the grading process'} before this test could run${tail ? ` (it printed: ${tail})` : ''}`,
      );
    },
  };
}

/** A learner exception as a sentence; "not implemented yet" stays at the start so the scorecard recognises it. */
export function describeFailure(failure: LearnerFailure): string {
  if (/^not implemented yet/i.test(failure.message)) return failure.message;
  const loading = /^loading (.+)$/.exec(failure.during);
  if (loading)
    return `${loading[1]} could not be loaded: ${failure.message}${failure.where ? ` (at ${failure.where})` : ''}`;
  return `${failure.during} threw ${failure.message}${failure.where ? ` (at ${failure.where})` : ''}`;
}

/** Throws the failure of a job result, if any. */
export function expectNoFailure(result: JobResult): void {
  if (result.failure) throw new SessionProblem(describeFailure(result.failure));
}
