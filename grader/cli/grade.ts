// `npm run grade`: grades the learner's files against each exercise's suite and prints a scorecard
// (or a JSON report); with --watch, grades again whenever a learner file is saved.
// Exit code 0 when everything selected passes, 1 when something does not, 2 on usage errors.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadCourses, MetadataError, type Course, type Exercise } from '../course/course-metadata.js';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import { readHintState } from '../hints/hint-state.js';
import { parseGradeArgs, UsageError, USAGE } from './parse-args.js';
import { SuiteRunner } from './run-suites.js';
import { exerciseReport, formatScorecard, gradeReport, styles, type ExerciseReport, type GradeReport } from './scorecard.js';
import { watchAndGrade } from './watch.js';

// The sandbox ends learner code after TIME_LIMIT_SECONDS; the watchdog is the backstop for the grader itself.
const WATCHDOG_SECONDS = 3 * TIME_LIMIT_SECONDS;
const root = resolve(import.meta.dirname, '..', '..');

export type Grade = (exercises: Exercise[]) => Promise<ExerciseReport[]>;

function checkTarget(target: string, given: string | undefined, exercises: Exercise[]): void {
  if (!existsSync(target) || !statSync(target).isDirectory()) throw new UsageError(`--target ${given}: no such folder`);
  for (const course of new Set(exercises.map((e) => e.course))) {
    if (!existsSync(join(target, course))) {
      throw new UsageError(`${target} has no ${course}/ folder: --target takes a folder laid out like exercises/ (e.g. --target solutions)`);
    }
  }
}

export function toJson(report: GradeReport): string {
  const { exercises, ...totals } = report;
  return JSON.stringify({ ...totals, exercises: exercises.map(({ id, status, score, maxScore, tests }) => ({ id, status, score, maxScore, tests })) }, null, 2);
}

/** The scorecard, with pointers (files, hints, commands) relative to where the learner stands. */
export function scorecardText(report: GradeReport, courses: Course[], exercises: Exercise[], target: string): string {
  const here = (path: string) => relative(process.cwd(), path) || '.';
  const exercise = (id: string) => exercises.find((e) => e.id === id)!;
  const seen = readHintState(root);
  const hintsOf = (id: string) => {
    const { course, hints } = exercise(id);
    const count = seen[`${course}/${id}`] ?? 0;
    return count < hints.length ? `Stuck? \`npm run hint ${id}\` (${count} of ${hints.length} hints seen)` : '';
  };
  const titles = [...new Set(exercises.map((e) => courses.find((c) => c.id === e.course)!.title))].join(', ');
  const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
  return formatScorecard(
    report,
    { course: titles, target: here(target), gradeCommand: (id) => `npm run grade ${id}`, fileOf: (id) => join(here(target), exercise(id).course, exercise(id).files[0]!), hintsOf },
    styles(color),
  );
}

async function main(argv: string[]): Promise<number> {
  const courses = loadCourses(root);
  const args = parseGradeArgs(argv, courses);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const target = resolve(args.target ?? join(root, 'exercises'));
  checkTarget(target, args.target, args.exercises);

  // One sandbox boots while vitest starts, and one stays ready for the next suite (more would compete for the cores).
  const spares = 1;
  const runner = await SuiteRunner.open(root, target, WATCHDOG_SECONDS * 1000, spares);
  const grade: Grade = async (exercises) => {
    const suites = exercises.map((e) => join(root, e.suite));
    const run = await runner.run(suites);
    return exercises.map((e, i) => exerciseReport(e, run.outcomes.get(suites[i]!), WATCHDOG_SECONDS, run.timedOut.has(suites[i]!)));
  };

  if (args.watch) {
    await watchAndGrade({ target, exercises: args.exercises, grade, show: (report) => scorecardText(report, courses, args.exercises, target) });
    return 0; // until interrupted
  }
  const report = gradeReport(await grade(args.exercises));
  await runner.close();
  console.log(args.format === 'json' ? toJson(report) : scorecardText(report, courses, args.exercises, target));
  return report.exercises.every((e) => e.status === 'pass') ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof MetadataError) {
      console.error(`error: ${error.message}${error instanceof UsageError ? `\n\n${USAGE}` : ''}`);
    } else {
      console.error("error: the grader itself failed; this is not your code's fault. Details:");
      console.error(error);
    }
    process.exit(2);
  },
);
