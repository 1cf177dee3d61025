// Runs a reveal probe on a folder laid out like exercises/ (a learner's, or solutions/) in the grader's sandbox,
// staged as grading stages it, and says in plain words why a run gave no usable results.
import { stageSubmission } from '../cli/stage-submission.js';
import type { Exercise } from '../course/course-metadata.js';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import { bundleAndRun } from '../sandbox/bundle-and-run.js';
import type { Job, JobResult } from '../sandbox/sandbox-protocol.js';
import { makeTemporaryFolder, removeFolder } from '../files/temporary-folders.js';

export type ProbeOutcome = { results: JobResult[]; problem?: undefined } | { problem: string };

/** Runs `jobs` on the files of `source` (named `shownAs` in messages); only the exercise files come from it. */
export async function runProbe(
  kitRoot: string,
  source: string,
  shownAs: string,
  exercise: Exercise,
  jobs: Job[],
): Promise<ProbeOutcome> {
  const staging = makeTemporaryFolder('reveal-probe-');
  try {
    const { dir } = stageSubmission(kitRoot, source, [exercise], staging);
    const required = exercise.files;
    const { outcome, unavailable } = await bundleAndRun({
      dir,
      shownAs,
      course: exercise.course,
      required,
      optional: [],
      jobs,
      timeLimitMs: TIME_LIMIT_SECONDS * 1000,
    });
    if (!outcome)
      return {
        problem: unavailable[required.find((file) => unavailable[file])!] ?? 'the exercise files are unavailable',
      };
    if (outcome.timedOut) return { problem: `the code did not finish within ${TIME_LIMIT_SECONDS} s` };
    const results: JobResult[] = [];
    for (const { name } of jobs) {
      const result = outcome.results.get(name);
      if (!result) return { problem: `the code ${outcome.ended ?? 'stopped'} before the probe finished` };
      if (result.failure) {
        const { during, message, where } = result.failure;
        return { problem: `${during} threw ${message}${where ? ` (at ${where})` : ''}` };
      }
      results.push(result);
    }
    return { results };
  } finally {
    removeFolder(staging);
  }
}
