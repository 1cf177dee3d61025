// Grades a class in batches, and keeps one submission from costing the others their grades: when a batch fails (the
// grader throws, or a suite fails as a whole), the failed part is graded again in halves, down to one submission,
// whose failure is then its own verdict.
import { qualifiedId, type Exercise } from '../course/course-metadata.js';
import type { GradeTarget } from '../harness/grade-targets.js';
import { SandboxStartError } from '../sandbox/run-sandboxed.js';
import { failedTest, reportOf, type ExerciseReport } from './grade-report.js';

export interface BatchVerdicts {
  /** Each target's reports, by target id, one per exercise graded. */
  reports: Map<string, ExerciseReport[]>;
  /**
   * Exercises (`<course>/<id>`) whose suite failed as a whole (did not load, did not finish, ran out of time): in a batch, their
   * verdicts are of no one submission's making.
   */
  suiteFailures: Set<string>;
}

export type GradeBatch = (exercises: Exercise[], targets: GradeTarget[]) => Promise<BatchVerdicts>;

/** The report of an exercise that could not be graded for this submission because the grader itself failed. */
export function graderFailure(exercise: Exercise, cause: unknown): ExerciseReport {
  const detail = cause instanceof Error ? cause.message : String(cause);
  const message = `the grader failed on this submission (not on anyone else's): ${detail.split('\n')[0]!.slice(0, 500)}`;
  return reportOf(exercise, [failedTest('graded', 'grader', message)]);
}

/**
 * Every target's report for every exercise (in `exercises`' order), whatever the grader does on some of them; the
 * targets are graded `chunk` at a time.
 */
export async function gradeInBatches(
  grade: GradeBatch,
  exercises: Exercise[],
  targets: GradeTarget[],
  chunk = Infinity,
): Promise<Map<string, ExerciseReport[]>> {
  const verdicts = new Map(targets.map((t) => [t.id, new Map<string, ExerciseReport>()]));
  const pending: Array<{ exercises: Exercise[]; targets: GradeTarget[] }> = [];
  const size = Math.max(1, chunk);
  for (let first = 0; first < targets.length; first += size)
    pending.push({ exercises, targets: targets.slice(first, first + size) });
  while (pending.length > 0) {
    const batch = pending.shift()!;
    let failed: Exercise[];
    let cause: unknown;
    try {
      const run = await grade(batch.exercises, batch.targets);
      // A report missing for some target counts as its suite's failure: nothing says whose it was.
      failed = batch.exercises.filter(
        (e, i) =>
          run.suiteFailures.has(qualifiedId(e)) ||
          batch.targets.some((t) => run.reports.get(t.id)?.[i]?.id !== qualifiedId(e)),
      );
      cause = new Error('its tests did not run to the end');
      for (const target of batch.targets) {
        const reports = run.reports.get(target.id) ?? [];
        batch.exercises.forEach((e, i) => {
          // A lone target's suite failure is its own verdict; in a batch it is graded again.
          if (reports[i]?.id === qualifiedId(e) && (batch.targets.length === 1 || !failed.includes(e)))
            verdicts.get(target.id)!.set(qualifiedId(e), reports[i]!);
        });
      }
      if (batch.targets.length === 1)
        failed = failed.filter((e) => !verdicts.get(batch.targets[0]!.id)!.has(qualifiedId(e)));
    } catch (error) {
      // A sandbox that cannot start here fails every submission alike: the grader's failure, reported as such.
      if (error instanceof SandboxStartError) throw error;
      failed = batch.exercises;
      cause = error;
    }
    if (failed.length === 0) continue;
    if (batch.targets.length === 1) {
      for (const e of failed) verdicts.get(batch.targets[0]!.id)!.set(qualifiedId(e), graderFailure(e, cause));
      continue;
    }
    const half = Math.ceil(batch.targets.length / 2);
    pending.push(
      { exercises: failed, targets: batch.targets.slice(0, half) },
      { exercises: failed, targets: batch.targets.slice(half) },
    );
  }
  return new Map(targets.map((t) => [t.id, exercises.map((e) => verdicts.get(t.id)!.get(qualifiedId(e))!)]));
}
