// A session's whole sandbox run: bundle the learner's files, then run the jobs on a sandbox. It runs in the
// grading process's broker (so test workers never load esbuild) or, run directly by vitest, in the worker.
// A hidden test's jobs run last, and a process that ran one never runs a job the learner sees again: what they
// saw (the hidden inputs) cannot reach a later test's message or prints through anything the process keeps.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { resetCommand } from '../course/reset-command.js';
import { bundleLearner, LearnerBuildError } from './bundle-learner.js';
import { compiledDrivers } from './compiled-script.js';
import { openSandbox, type Sandbox, type SandboxOutcome } from './run-sandboxed.js';
import type { Job } from './sandbox-protocol.js';

export interface SessionRequest {
  /** The folder laid out like exercises/, and how to name it to the learner. */
  dir: string;
  shownAs: string;
  /** The files came from an upload: a missing one is named by its file name, with the advice to upload it. */
  upload?: boolean;
  /** Files that were there but not taken, by `<course>/<file>`, with why: said instead of "missing". */
  refused?: Record<string, string>;
  course: string;
  /** Files the session cannot do without, and files whose absence only fails the jobs that use them. */
  required: string[];
  optional: string[];
  jobs: Job[];
  timeLimitMs: number;
}

export interface SessionResponse {
  /** Why a file could not take part (missing, or not compiling), by file name. */
  unavailable: Record<string, string>;
  /** The run of the jobs the learner sees; absent when a required file was unavailable: nothing ran. */
  outcome?: SandboxOutcome;
  /** The run of the hidden tests' jobs (`Job.hidden`), after the others (see Lane). */
  hiddenOutcome?: SandboxOutcome;
}

/**
 * Which of a submission's processes a part of a session may run in. A process that ran a hidden test's job is of
 * the hidden lane from then on, and never again runs a job whose result, message or prints reach the learner: the
 * look that lets a process serve a next session (runner-guards.ts) cannot see everything a realm keeps (an unref'd
 * timer, the performance timeline, Buffer's pool), and for hidden inputs it need not.
 */
export type Lane = 'shown' | 'hidden';

/**
 * Bundles already started for the folders of one grading run, by folder, file and name shown. A staged folder
 * never changes while its run lasts, so a bundle made for one session serves every other session of that run
 * that loads the same file; the grading process forgets them when the run ends (see SandboxBroker).
 */
export type BundleMemo = Map<string, Promise<string>>;

/** `file` of the request's folder bundled, once per memo. */
function bundleOnce(
  request: Pick<SessionRequest, 'dir' | 'shownAs' | 'upload' | 'course'>,
  file: string,
  memo?: BundleMemo,
): Promise<string> {
  const folder = join(request.dir, request.course);
  // How messages and stack traces name the folder: part of the bundle (its source map).
  const shownAs = request.upload ? request.course : join(request.shownAs, request.course);
  const key = JSON.stringify([folder, file, shownAs]);
  let bundle = memo?.get(key);
  if (!bundle) {
    bundle = bundleLearner(folder, file, shownAs);
    // Only the learner's own build errors are kept: a bundler that failed for its own reasons gets another try.
    bundle.catch((error: unknown) => {
      if (!(error instanceof LearnerBuildError)) memo?.delete(key);
    });
    memo?.set(key, bundle);
  }
  return bundle;
}

/**
 * Starts bundling a target's files before any session asks for them (while the test workers start): the
 * sessions then find them made. Files that do not exist are left to the session to report.
 */
export function prepareBundles(
  target: Pick<SessionRequest, 'dir' | 'shownAs' | 'upload'>,
  course: string,
  files: string[],
  memo: BundleMemo,
): void {
  for (const file of files)
    if (existsSync(join(target.dir, course, file))) bundleOnce({ ...target, course }, file, memo).catch(() => {});
}

/**
 * Whose sandbox a part of a session may run in: one submission's sessions share processes, no one else's ever do,
 * and the jobs of hidden tests share only with each other (see Lane).
 */
export const sandboxKey = (request: Pick<SessionRequest, 'dir' | 'course'>, lane: Lane): string =>
  JSON.stringify([request.dir, request.course, lane]);

/**
 * The hidden jobs' outcome when they are not run: the visible ones used the session's whole time limit, or their
 * process ended early (an exit, running out of memory), as it would have before reaching them in one process.
 */
const notRun = ({ timedOut, ended }: SandboxOutcome): SandboxOutcome => ({
  results: new Map(),
  timedOut,
  countedMs: 0,
  ...(ended === undefined ? {} : { ended }),
  output: '',
  outputTruncated: false,
  guards: [],
});

/** Where a session's processes come from and go back to, by sandboxKey: the grading process's broker's. */
export interface SandboxSource {
  /** A process kept for `key`, else a spare (booted ahead, or now). */
  take(key: string): Promise<Sandbox>;
  /** A process kept for `key`, if one waits: never one started for the asking. */
  kept(key: string): Sandbox | undefined;
  /** Takes a process back after a run, for `key`'s next session if it is reusable. */
  give(key: string, sandbox: Sandbox): void;
}

/**
 * Processes are asked of `source` only once the files are bundled and only if a session can run: a session whose
 * files are missing then costs no process. Without a source, a sandbox of the session's own boots while the files
 * are bundled, and ends with it.
 */
export async function bundleAndRun(
  request: SessionRequest,
  source?: SandboxSource,
  memo?: BundleMemo,
): Promise<SessionResponse> {
  const own = source ? undefined : openSandbox();
  const { dir, shownAs, course } = request;
  const modules: Record<string, string> = {};
  const unavailable: Record<string, string> = {};
  await Promise.all(
    [...request.required, ...request.optional].map(async (file) => {
      const full = join(dir, course, file);
      const shown = request.upload ? file : join(shownAs, course, file);
      if (!existsSync(full)) {
        // A file refused at intake was there: the reason it was not taken, rather than "missing".
        unavailable[file] =
          request.refused?.[`${course}/${file}`] ??
          (request.upload
            ? `${file} is missing from your submission: upload ${file} (with your other files) and submit again`
            : `${shown} is missing: create it, or bring back its starting version with ${resetCommand(course, file)}`);
        return;
      }
      try {
        modules[file] = await bundleOnce(request, file, memo);
      } catch (error) {
        if (!(error instanceof LearnerBuildError)) throw error;
        unavailable[file] = `${shown} could not be loaded: ${error.message}`;
      }
    }),
  );
  if (request.required.some((file) => unavailable[file])) {
    if (own) await (await own).dispose();
    return { unavailable };
  }
  const drivers = await compiledDrivers(course);
  const shownJobs = request.jobs.filter((job) => job.hidden !== true);
  const hiddenJobs = request.jobs.filter((job) => job.hidden === true);
  if (!source) {
    // A process of the session's own, which ends with it: the hidden jobs run last, in the same run.
    const sandbox = await own!;
    try {
      const outcome = await sandbox.run({ modules, drivers, jobs: [...shownJobs, ...hiddenJobs] }, request.timeLimitMs);
      return hiddenJobs.length > 0 ? { unavailable, outcome, hiddenOutcome: outcome } : { unavailable, outcome };
    } finally {
      if (sandbox.reusable) await sandbox.dispose();
    }
  }
  const key = (lane: Lane) => sandboxKey(request, lane);
  const first = await source.take(key('shown'));
  let outcome: SandboxOutcome;
  try {
    outcome = await first.run({ modules, drivers, jobs: shownJobs }, request.timeLimitMs);
  } catch (error) {
    source.give(key('shown'), first);
    throw error;
  }
  // One time limit for the session, as in one process: code that used it all up on the visible tests (a loop that
  // never ends), or ended its process, is not run again for the hidden ones, which then say so.
  const left = request.timeLimitMs - outcome.countedMs;
  if (hiddenJobs.length === 0 || outcome.timedOut || outcome.ended !== undefined || left <= 0) {
    source.give(key('shown'), first);
    if (hiddenJobs.length === 0) return { unavailable, outcome };
    return { unavailable, outcome, hiddenOutcome: notRun(left <= 0 ? { ...outcome, timedOut: true } : outcome) };
  }
  // Asked for only now, so that the submission's other sessions find it kept meanwhile: a process of the hidden
  // lane from an earlier session, else this one, which joins that lane (a grading that keeps no process for a next
  // session then starts no more than before), else a spare.
  const kept = source.kept(key('hidden'));
  const second = kept ?? (first.reusable ? first : undefined);
  if (second !== first) source.give(key('shown'), first);
  const hidden = second ?? (await source.take(key('hidden')));
  try {
    return { unavailable, outcome, hiddenOutcome: await hidden.run({ modules, drivers, jobs: hiddenJobs }, left) };
  } finally {
    source.give(key('hidden'), hidden);
  }
}
