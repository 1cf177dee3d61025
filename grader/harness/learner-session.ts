// One sandboxed run of a learner's files for a suite: bundle them, run the suite's jobs, and turn whatever
// happened (a build error, a timeout, process.exit, a throw) into the plain-language message a test reports.
import { TIME_LIMIT_SECONDS } from './limits.js';
import { learnerPath, type GradeTarget } from './grade-targets.js';
import { bundleLearner, LearnerBuildError } from '../sandbox/bundle-learner.js';
import { openSandbox, type SandboxOutcome } from '../sandbox/run-sandboxed.js';
import { runThroughBroker } from '../sandbox/sandbox-broker.js';
import { inject } from 'vitest';
import type { Job, JobResult, LearnerFailure } from '../sandbox/sandbox-protocol.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** A failure to pass on as the test's message; the grade report reads its status from the prefix. */
export class SessionProblem extends Error {}

export interface Session {
  outcome: SandboxOutcome;
  /** The result of job i, or a thrown SessionProblem saying why there is none. */
  result(index: number): JobResult;
}

export const TIMEOUT_PREFIX = 'timed out:';

/** Why an optional file could not take part (missing, or not compiling), by file name. */
export type Unavailable = Record<string, string>;

async function bundleAll(target: GradeTarget, course: string, files: string[]): Promise<{ modules: Record<string, string>; unavailable: Unavailable }> {
  const modules: Record<string, string> = {};
  const unavailable: Unavailable = {};
  await Promise.all(
    files.map(async (file) => {
      const full = join(target.dir, course, file);
      const shown = learnerPath(target, course, file);
      if (!existsSync(full)) {
        unavailable[file] = `${shown} is missing: restore it (git checkout ${shown}) or create it`;
        return;
      }
      try {
        modules[file] = await bundleLearner(full, target.dir, target.shownAs);
      } catch (error) {
        if (!(error instanceof LearnerBuildError)) throw error;
        unavailable[file] = `${shown} could not be loaded: ${error.message}`;
      }
    }),
  );
  return { modules, unavailable };
}

/**
 * Runs `jobs` on the learner's `files`. A missing or non-compiling file fails the session, unless it is in
 * `optional`: then its jobs fail when loading it, and `unavailable` says why.
 */
export async function runSession(target: GradeTarget, course: string, files: string[], jobs: Job[], optional: string[] = []): Promise<Session & { unavailable: Unavailable }> {
  return limit(() => runSessionNow(target, course, files, jobs, optional));
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

async function runSessionNow(target: GradeTarget, course: string, files: string[], jobs: Job[], optional: string[]): Promise<Session & { unavailable: Unavailable }> {
  // The grading process lends a sandbox that booted ahead of time; run directly by vitest, open one here.
  const broker = inject('sandboxBroker');
  const sandbox = broker ? undefined : openSandbox();
  const { modules, unavailable } = await bundleAll(target, course, [...files, ...optional]);
  const missing = files.find((file) => unavailable[file]);
  if (missing) {
    await (await sandbox)?.dispose();
    throw new SessionProblem(unavailable[missing]!);
  }
  const request = { modules, jobs };
  const timeLimitMs = TIME_LIMIT_SECONDS * 1000;
  const outcome = broker ? await runThroughBroker(broker, { request, timeLimitMs }) : await (await sandbox)!.run(request, timeLimitMs);
  return {
    outcome,
    unavailable,
    result(index) {
      const result = outcome.results[index];
      if (result) return result;
      if (outcome.timedOut) {
        throw new SessionProblem(`${TIMEOUT_PREFIX} your code did not finish within ${TIME_LIMIT_SECONDS} s: look for a loop that never ends (or a step count far too large)`);
      }
      const tail = outcome.output.trim().split('\n').slice(-3).join(' | ');
      throw new SessionProblem(`your code ${outcome.ended ?? 'stopped the grading process'} before this test could run${tail ? ` (it printed: ${tail})` : ''}`);
    },
  };
}

/** A learner exception as a sentence; "not implemented yet" stays at the start so the scorecard recognises it. */
export function describeFailure(failure: LearnerFailure): string {
  if (/^not implemented yet/i.test(failure.message)) return failure.message;
  const loading = /^loading (.+)$/.exec(failure.during);
  if (loading) return `${loading[1]} could not be loaded: ${failure.message}${failure.where ? ` (at ${failure.where})` : ''}`;
  return `${failure.during} threw ${failure.message}${failure.where ? ` (at ${failure.where})` : ''}`;
}

/** Throws the failure of a job result, if any. */
export function expectNoFailure(result: JobResult): void {
  if (result.failure) throw new SessionProblem(describeFailure(result.failure));
}

