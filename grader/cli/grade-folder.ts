// Grading in-process, for every command that needs verdicts (`npm run grade`, `check`, `reveal`): a grader that
// runs suites for one folder or for a class of submissions, and returns the grade report itself, never text.
import { join } from 'node:path';
import { qualifiedId, type Exercise } from '../course/course-metadata.js';
import { INTAKE_LIMITS } from '../files/intake-limits.js';
import { describeRefusal, type Refusal } from '../files/refusal.js';
import type { GradeTarget } from '../harness/grade-targets.js';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import { exerciseReport, gradeReport, outcomeFor, type ExerciseReport, type GradeReport } from './grade-report.js';
import type { BatchVerdicts } from './grade-in-batches.js';
import { GRADING_THREADS, SuiteRunner } from './run-suites.js';
import {
  learnerFilePaths,
  refusedLearnerFiles,
  stageFiles,
  stageSubmission,
  filesNotGraded,
  courseOf,
  type SubmissionFiles,
} from './stage-submission.js';
import { makeTemporaryFolder, removeFolder } from '../files/temporary-folders.js';

// The sandbox ends learner code after TIME_LIMIT_SECONDS of its own time (three times that by the clock at most, on
// a busy machine); the watchdog is the backstop for the grader itself.
export const WATCHDOG_SECONDS = 4 * TIME_LIMIT_SECONDS;

export interface FolderGrade {
  reports: ExerciseReport[];
  /** What the learner should know beyond the verdicts: refused files, grader files that differ from the kit's. */
  notes: string[];
}

export interface Grader {
  /** Grades every target (one per submission in a class) on `exercises`. */
  gradeTargets(exercises: Exercise[], targets: GradeTarget[]): Promise<BatchVerdicts>;
  /** Grades the learner-owned files of `source` (laid out like exercises/, named `shownAs` in messages). */
  gradeFolder(exercises: Exercise[], source: string, shownAs: string): Promise<FolderGrade>;
  /** Grades learner files already read from an upload (`paths`: every learner file of `exercises`' courses). */
  gradeUpload(
    exercises: Exercise[],
    files: SubmissionFiles,
    paths: string[],
    shownAs: string,
  ): Promise<ExerciseReport[]>;
  close(): Promise<void>;
}

/**
 * `spares`: sandboxes booted ahead of time during a run (one is enough: more would compete for the cores);
 * `idleSpares`: kept booted between runs, for a grader that waits for the next one (watch mode); `threads`: vitest's
 * workers (run-suites.ts).
 */
export async function openGrader(root: string, spares = 1, idleSpares = 0, threads = GRADING_THREADS): Promise<Grader> {
  const runner = await SuiteRunner.open(root, WATCHDOG_SECONDS * 1000, spares, idleSpares, threads);
  const gradeTargets = async (exercises: Exercise[], targets: GradeTarget[]): Promise<BatchVerdicts> => {
    const suites = exercises.map((e) => join(root, e.suite));
    const run = await runner.run(
      suites,
      targets,
      exercises.map((e) => [e.course, e.files]),
    );
    const reports = new Map(
      targets.map((t) => [
        t.id,
        exercises.map((e, i) =>
          exerciseReport(
            e,
            outcomeFor(run.outcomes.get(suites[i]!), t.id),
            WATCHDOG_SECONDS,
            run.timedOut.has(suites[i]!),
          ),
        ),
      ]),
    );
    // A suite that did not load, did not end or ran out of time gave verdicts of no one submission's making.
    const failed = (suite: string) =>
      run.timedOut.has(suite) ||
      run.outcomes.get(suite)?.endedAt === undefined ||
      run.outcomes.get(suite)!.loadError !== undefined;
    return {
      reports,
      suiteFailures: new Set(exercises.filter((_, i) => failed(suites[i]!)).map(qualifiedId)),
    };
  };
  // Only the learner-owned files come from the folder graded; everything else is the kit's own copy.
  const gradeFolder = async (exercises: Exercise[], source: string, shownAs: string): Promise<FolderGrade> => {
    const staging = makeTemporaryFolder('grade-');
    try {
      const staged = stageSubmission(root, source, exercises, staging);
      // In the learner's words: their own folder, named as they would type it.
      const said = (r: Refusal) => describeRefusal({ ...r, path: join(shownAs, r.path) }, INTAKE_LIMITS, 'own-folder');
      // A refused learner file is said in its exercise's verdict; anything else refused, in a note.
      const paths = learnerFilePaths(root, exercises);
      const refused = refusedLearnerFiles(staged.refusals, paths, said);
      const target = { id: '', dir: staged.dir, shownAs, ...(refused ? { refused } : {}) };
      const reports = (await gradeTargets(exercises, [target])).reports.get('')!;
      const { added, changed } = filesNotGraded(root, source, paths);
      const own = (course: string) =>
        paths
          .filter((p) => p.startsWith(`${course}/`))
          .map((p) => p.slice(course.length + 1))
          .join(', ');
      return {
        reports,
        notes: [
          ...staged.refusals.filter((r) => !paths.includes(r.path)).map((r) => `${said(r)} (it was not graded)`),
          ...staged.changedKitFiles.map((f) => `your ${f} differs from the original; the original was used`),
          ...added.map(
            (f) =>
              `${join(shownAs, f)} is not one of the course's files, so it was not graded, here or for the record: ` +
              `grading takes ${own(courseOf(f))} from your folder and the kit's own copies of the rest. Move its code into those files`,
          ),
          ...changed.map(
            (f) =>
              `your ${join(shownAs, f)} differs from the kit's copy; the kit's copy was graded, as it is for the record ` +
              `(only ${own(courseOf(f))} are yours to change)`,
          ),
        ],
      };
    } finally {
      removeFolder(staging);
    }
  };
  const gradeUpload = async (exercises: Exercise[], files: SubmissionFiles, paths: string[], shownAs: string) => {
    const staging = makeTemporaryFolder('grade-');
    try {
      stageFiles(root, files, paths, staging);
      return (await gradeTargets(exercises, [{ id: '', dir: staging, shownAs, upload: true }])).reports.get('')!;
    } finally {
      removeFolder(staging);
    }
  };
  return { gradeTargets, gradeFolder, gradeUpload, close: () => runner.close() };
}

/** Grades `source` once, with a grader of its own: the report, and the notes beside it. */
export async function gradeFolder(
  root: string,
  exercises: Exercise[],
  source: string,
  shownAs: string,
): Promise<{ report: GradeReport; notes: string[] }> {
  const grader = await openGrader(root);
  try {
    const { reports, notes } = await grader.gradeFolder(exercises, source, shownAs);
    return { report: gradeReport(reports), notes };
  } finally {
    await grader.close();
  }
}
