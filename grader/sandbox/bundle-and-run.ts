// A session's whole sandbox run: bundle the learner's files, then run the jobs on a sandbox. It runs in the
// grading process's broker (so test workers never load esbuild) or, run directly by vitest, in the worker.
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
  /** Absent when a required file was unavailable: nothing ran. */
  outcome?: SandboxOutcome;
}

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

/** Whose sandbox a session may run in: one submission's sessions share processes, no one else's ever do. */
export const sandboxKey = (request: Pick<SessionRequest, 'dir' | 'course'>): string =>
  JSON.stringify([request.dir, request.course]);

/**
 * `take`: where the session's sandbox comes from, given the session's sandboxKey, asked only once the files are
 * bundled and only if a session can run (the broker's: a session whose files are missing then costs no process);
 * `give` takes it back after the run. Without them, a sandbox of the session's own boots while the files are bundled.
 */
export async function bundleAndRun(
  request: SessionRequest,
  take?: (key: string) => Promise<Sandbox>,
  memo?: BundleMemo,
  give?: (key: string, sandbox: Sandbox) => void,
): Promise<SessionResponse> {
  const own = take ? undefined : openSandbox();
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
  const key = sandboxKey(request);
  const sandbox = await (own ?? take!(key));
  try {
    return { unavailable, outcome: await sandbox.run({ modules, drivers, jobs: request.jobs }, request.timeLimitMs) };
  } finally {
    if (give && !own) give(key, sandbox);
    else if (sandbox.reusable) await sandbox.dispose();
  }
}
