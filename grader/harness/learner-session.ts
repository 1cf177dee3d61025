// One sandboxed run of a learner's files for a suite: bundle them, run the suite's jobs, and turn whatever
// happened (a build error, a timeout, process.exit, a throw) into the plain-language message a test reports.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { TIMEOUT_PREFIX } from './limits.js';
import { sessionTimeLimit } from './session-time-limit.js';
import type { ProblemKind } from './problem-kind.js';
import type { GradeTarget } from './grade-targets.js';
import type { SandboxOutcome } from '../sandbox/run-sandboxed.js';
import { runThroughBroker } from '../sandbox/broker-client.js';
import { inject } from 'vitest';
import { capText } from '../sandbox/cap-text.js';
import { beforeFatalReport } from '../sandbox/fatal-report.js';
import { showPrinted } from './learner-prints.js';
import type { Job, JobResult, LearnerFailure } from '../sandbox/sandbox-protocol.js';

/** A problem in words, with its kind: what the reports read the status from. */
export interface Problem {
  kind: ProblemKind;
  message: string;
}

/**
 * A failure to pass on as the test's message. Its `kind` is an own property, so vitest carries it to the
 * reporter with the message (a suite's own judgement defaults to a wrong result).
 */
export class SessionProblem extends Error {
  readonly kind: ProblemKind;
  constructor(problem: string | Problem, kind: ProblemKind = 'wrong-result') {
    super(typeof problem === 'string' ? problem : problem.message);
    this.kind = typeof problem === 'string' ? kind : problem.kind;
    // Without the frames of where the harness found it, which say nothing to a learner: vitest's main thread reads
    // every frame's file and scans it for a source map, about a sixth of a grading run whose tests all fail.
    this.stack = `${this.name}: ${this.message}`;
  }
}

export interface Session {
  /** The run of the jobs the learner sees (a hidden test's job is read from its own run: see result). */
  outcome: SandboxOutcome;
  /**
   * The result of the job named `name`, or a thrown SessionProblem saying why there is none. What the learner's
   * code printed during the job is shown with the running test, unless the job is `'hidden'` (a hidden test's: the
   * reason must not carry anything the learner's code printed or saw either) or `'quiet'` (a helper of the
   * diagnosis, such as the probes, whose prints would only puzzle).
   */
  result(name: string, as?: JobReading): JobResult;
}

/** How a test reads a job's result: see Session.result. */
export type JobReading = 'shown' | 'hidden' | 'quiet';

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
  const names = new Set(jobs.map((job) => job.name));
  if (names.size !== jobs.length) throw new Error('every job of a session needs a name of its own');
  const seconds = sessionTimeLimit(course, files[0]);
  const request = {
    dir: target.dir,
    shownAs: target.shownAs,
    ...(target.upload ? { upload: true } : {}),
    ...(target.refused ? { refused: target.refused } : {}),
    course,
    required: files,
    optional,
    jobs,
    timeLimitMs: seconds * 1000,
  };
  // The grading process's broker bundles and runs on a sandbox booted ahead of time; run directly by vitest,
  // this worker does it itself.
  const broker = inject('sandboxBroker');
  const response = broker
    ? await runThroughBroker(broker, request)
    : await (await import('../sandbox/bundle-and-run.js')).bundleAndRun(request);
  const { outcome, hiddenOutcome, unavailable } = response;
  if (!outcome) {
    const file = files.find((f) => unavailable[f]);
    const kind = file && existsSync(join(target.dir, course, file)) ? 'load' : 'missing-file';
    throw new SessionProblem((file && unavailable[file]) ?? 'the learner files are unavailable', kind);
  }
  return {
    outcome,
    unavailable,
    result(name, as = 'shown') {
      const hidden = as === 'hidden';
      const job = jobs.find((j) => j.name === name);
      if (!job) throw new Error(`the suite asked for a job it did not send: ${name}`);
      // Both ways a suite's mistake: a hidden job read another way could quote what the learner's code saw in it.
      if (hidden !== (job.hidden === true))
        throw new Error(
          hidden
            ? `the suite reads job ${name} as a hidden test's, but did not mark it hidden: set hidden: true where the job is made`
            : `job ${name} is a hidden test's: read it with result(name, 'hidden')`,
        );
      // Each job is read from the run of its own lane; the hidden one's prints and output never reach a message.
      const ran = hidden ? hiddenOutcome : outcome;
      const result = ran?.results.get(name);
      if (result?.printed !== undefined && as === 'shown') showPrinted(name, result.printed);
      if (result) return result;
      if (ran?.timedOut) {
        throw new SessionProblem(
          `${TIMEOUT_PREFIX} your code did not finish within ${seconds} s: look for a loop that never ends (or a step count far too large)`,
          'timeout',
        );
      }
      if (hidden) throw new SessionProblem('your code stopped the grading process during this hidden test', 'crash');
      const tail = capText(beforeFatalReport(outcome.output).trim().split('\n').slice(-3).join(' | '), 500);
      throw new SessionProblem(
        `your code ${outcome.ended ?? 'stopped the grading process'} before this test could run${tail ? ` (it printed: ${tail})` : ''}`,
        'crash',
      );
    },
  };
}

/**
 * A learner exception as a problem. The stub's own throw (scripts/stubs writes `not implemented yet: …`) is told
 * apart here, where the learner's failure enters the grader, and travels on as its kind.
 */
export function describeFailure(failure: LearnerFailure): Problem {
  if (failure.missingExport) {
    const { file, name, exported } = failure.missingExport;
    const others = exported.length ? `it exports ${exported.map((e) => `\`${e}\``).join(', ')}` : 'it exports nothing';
    return {
      kind: 'missing-export',
      message: `${file} exports no \`${name}\` (${others}): the grader imports it by that name, so keep the name the starting file gives it`,
    };
  }
  if (/^not implemented yet/i.test(failure.message)) return { kind: 'not-implemented', message: failure.message };
  const at = failure.where ? ` (at ${failure.where})` : '';
  const loading = /^loading (.+)$/.exec(failure.during);
  if (loading) return { kind: 'load', message: `${loading[1]} could not be loaded: ${failure.message}${at}` };
  return { kind: 'threw', message: `${failure.during} threw ${failure.message}${at}` };
}

/** The job failed on the stub's own "not implemented yet": nothing has been written for it yet. */
export const isNotImplemented = (result: JobResult): boolean =>
  result.failure !== undefined && describeFailure(result.failure).kind === 'not-implemented';

/** Throws the failure of a job result, if any. */
export function expectNoFailure(result: JobResult): void {
  if (result.failure) throw new SessionProblem(describeFailure(result.failure));
}
