// `npm run grade`: grades the learner's files against each exercise's suite and prints a scorecard, a JSON
// report, Gradescope's results.json or JUnit XML; --watch grades again on save; --submissions grades a class.
// Exit code 0 when everything selected passes, 1 when something does not, 2 on usage errors.
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { loadCourses, MetadataError, type Course, type Exercise } from '../course/course-metadata.js';
import type { GradeTarget } from '../harness/grade-targets.js';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import { readHintState } from '../hints/hint-state.js';
import { sealedSolutionPath } from '../reveal/sealed-solution.js';
import { gradeClass, type BatchVerdicts } from './grade-class.js';
import { describeRefusal } from '../files/refusal.js';
import { parseGradeArgs, UsageError, USAGE } from './parse-args.js';
import { toGradescope, toJson, toJunit } from './report-formats.js';
import { SuiteRunner } from './run-suites.js';
import { SandboxStartError } from '../sandbox/run-sandboxed.js';
import {
  exerciseReport,
  formatScorecard,
  gradeReport,
  outcomeFor,
  styles,
  type ExerciseReport,
  type GradeReport,
} from './scorecard.js';
import { stageSubmission } from './stage-submission.js';
import { findLearnerRoot } from './submissions.js';
import { watchAndGrade } from './watch.js';
import { writeAtomically } from '../files/write-atomically.js';

// The sandbox ends learner code after TIME_LIMIT_SECONDS; the watchdog is the backstop for the grader itself.
const WATCHDOG_SECONDS = 3 * TIME_LIMIT_SECONDS;
const root = resolve(import.meta.dirname, '..', '..');

/** The folder laid out like exercises/ at or below `target` (a submission may nest it, e.g. in exercises/). */
function locateTarget(target: string, given: string | undefined, exercises: Exercise[]): string {
  if (!existsSync(target) || !statSync(target).isDirectory()) throw new UsageError(`--target ${given}: no such folder`);
  const courses = [...new Set(exercises.map((e) => e.course))];
  if (courses.every((course) => existsSync(join(target, course)))) return target;
  const found = findLearnerRoot(target, exercises);
  if (found) return found;
  throw new UsageError(
    `${target} has no ${courses[0]}/ folder: --target takes a folder laid out like exercises/ (e.g. --target solutions)`,
  );
}

/** The scorecard, with pointers (files, hints, commands) relative to where the learner stands. */
function scorecardText(
  report: GradeReport,
  courses: Course[],
  exercises: Exercise[],
  target: string,
  notes: string[],
): string {
  const here = (path: string) => relative(process.cwd(), path) || '.';
  const exercise = (id: string) => exercises.find((e) => e.id === id)!;
  const seen = readHintState(root);
  const hintsOf = (id: string) => {
    const { course, hints } = exercise(id);
    const count = seen[`${course}/${id}`] ?? 0;
    return count < hints.length ? `Stuck? \`npm run hint ${id}\` (${count} of ${hints.length} hints seen)` : '';
  };
  // A kit carries sealed solutions only for what the instructor reveals (revealSolutions in info.toml).
  const revealOf = (id: string) =>
    existsSync(join(root, sealedSolutionPath(exercise(id).course, id)))
      ? `compare with the official solution: npm run reveal ${id}`
      : '';
  const titles = [...new Set(exercises.map((e) => courses.find((c) => c.id === e.course)!.title))].join(', ');
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  const card = formatScorecard(
    report,
    {
      course: titles,
      target: here(target),
      gradeCommand: (id) => `npm run grade ${id}`,
      fileOf: (id) => join(here(target), exercise(id).course, exercise(id).files[0]!),
      hintsOf,
      revealOf,
    },
    styles(color),
  );
  return notes.length > 0 ? `${card}\n\n${notes.map((n) => `  note: ${n}`).join('\n')}` : card;
}

/**
 * The learner's latest grade for every exercise, for the site's course index (.grade/last-report.json, in the
 * JSON format): grading a few exercises updates theirs and keeps the others'.
 */
function rememberReport(report: GradeReport, courses: Course[]): void {
  const path = join(root, '.grade', 'last-report.json');
  const order = courses.flatMap((c) => c.exercises.map((e) => e.id));
  let previous: Array<{ id: string; score: number; maxScore: number }> = [];
  try {
    previous = (JSON.parse(readFileSync(path, 'utf8')) as { exercises: typeof previous }).exercises;
  } catch {
    // none yet, or damaged: start afresh
  }
  const fresh = JSON.parse(toJson(report)) as { exercises: typeof previous };
  const merged = [...previous.filter((p) => !fresh.exercises.some((e) => e.id === p.id)), ...fresh.exercises].sort(
    (a, b) => order.indexOf(a.id) - order.indexOf(b.id),
  );
  const totals = {
    score: merged.reduce((n, e) => n + e.score, 0),
    maxScore: merged.reduce((n, e) => n + e.maxScore, 0),
  };
  writeAtomically(path, `${JSON.stringify({ ...totals, exercises: merged }, null, 2)}\n`);
}

async function main(argv: string[]): Promise<number> {
  const courses = loadCourses(root);
  const args = parseGradeArgs(argv, courses);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  // One sandbox boots while vitest starts, and one stays ready for the next suite (more would compete for the cores).
  const runner = await SuiteRunner.open(root, WATCHDOG_SECONDS * 1000, 1);
  const gradeTargets = async (exercises: Exercise[], targets: GradeTarget[]): Promise<BatchVerdicts> => {
    const suites = exercises.map((e) => join(root, e.suite));
    const run = await runner.run(suites, targets);
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
    return { reports, suiteFailures: new Set(exercises.filter((_, i) => failed(suites[i]!)).map((e) => e.id)) };
  };
  try {
    if (args.submissions) {
      const out = resolve(args.out ?? 'gradebook');
      const summary = await gradeClass(root, resolve(args.submissions), out, args.exercises, gradeTargets);
      console.log(
        `graded ${summary.graded} submission(s), ${summary.reused} unchanged since the last run, ${summary.broken} could not be graded\n` +
          `gradebook: ${join(relative(process.cwd(), out) || '.', 'gradebook.csv')}, one JSON report per submission beside it`,
      );
      return 0;
    }

    const source = locateTarget(resolve(args.target ?? join(root, 'exercises')), args.target, args.exercises);
    const shownAs = relative(process.cwd(), source) || '.';
    // Only the learner-owned files come from the folder graded; everything else is the kit's own copy.
    const gradeOnce = async (exercises: Exercise[]): Promise<{ reports: ExerciseReport[]; notes: string[] }> => {
      const staging = mkdtempSync(join(tmpdir(), 'grade-'));
      try {
        const staged = stageSubmission(root, source, exercises, staging);
        const reports = (await gradeTargets(exercises, [{ id: '', dir: staged.dir, shownAs }])).reports.get('')!;
        const refused = staged.refusals.map((r) => `${describeRefusal(r)} (it was not graded)`);
        return {
          reports,
          notes: [
            ...refused,
            ...staged.changedKitFiles.map((f) => `your ${f} differs from the original; the original was used`),
          ],
        };
      } finally {
        rmSync(staging, { recursive: true, force: true });
      }
    };

    if (args.watch) {
      return await watchAndGrade({
        target: source,
        exercises: args.exercises,
        grade: async (exercises) => (await gradeOnce(exercises)).reports,
        show: (report) => {
          if (!args.target) rememberReport(report, courses);
          return scorecardText(report, courses, args.exercises, source, []);
        },
      });
    }
    const { reports, notes } = await gradeOnce(args.exercises);
    const report = gradeReport(reports);
    if (!args.target) rememberReport(report, courses);
    if (args.format === 'json') console.log(toJson(report, notes.length ? { warnings: notes } : {}));
    else if (args.format === 'junit') console.log(toJunit(report));
    else if (args.format === 'gradescope') {
      const text = toGradescope(report, notes);
      if (args.out) writeFileSync(args.out, `${text}\n`);
      else console.log(text);
    } else console.log(scorecardText(report, courses, args.exercises, source, notes));
    return report.exercises.every((e) => e.status === 'pass') ? 0 : 1;
  } finally {
    await runner.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof MetadataError) {
      console.error(`error: ${error.message}${error instanceof UsageError ? `\n\n${USAGE}` : ''}`);
    } else if (error instanceof SandboxStartError) {
      console.error(`error: ${error.message}`);
      console.error(
        "This is not your code's fault. Use a supported Node.js LTS (20, 22 or 24: `node --version`), or tell your instructor.",
      );
    } else {
      console.error("error: the grader itself failed; this is not your code's fault. Details:");
      console.error(error);
    }
    process.exit(2);
  },
);
