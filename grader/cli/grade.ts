// `npm run grade`: grades the learner's files against each exercise's suite and prints a scorecard
// (or a JSON report). Exit code 0 when everything selected passes, 1 when something does not, 2 on usage errors.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { loadCourses, MetadataError } from '../course/course-metadata.js';
import { TIME_LIMIT_SECONDS } from '../harness/limits.js';
import { readHintState } from '../hints/hint-state.js';
import { parseGradeArgs, UsageError, USAGE } from './parse-args.js';
import { runSuites } from './run-suites.js';
import { exerciseReport, formatScorecard, gradeReport, styles } from './scorecard.js';

// The sandbox ends learner code after TIME_LIMIT_SECONDS; the watchdog is the backstop for the grader itself.
const WATCHDOG_SECONDS = 3 * TIME_LIMIT_SECONDS;
const root = resolve(import.meta.dirname, '..', '..');

async function main(argv: string[]): Promise<number> {
  const courses = loadCourses(root);
  const args = parseGradeArgs(argv, courses);
  if (args.help) {
    console.log(USAGE);
    return 0;
  }
  const target = resolve(args.target ?? join(root, 'exercises'));
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    throw new UsageError(`--target ${args.target}: no such folder`);
  }
  for (const course of new Set(args.exercises.map((e) => e.course))) {
    if (!existsSync(join(target, course))) {
      throw new UsageError(`${target} has no ${course}/ folder: --target takes a folder laid out like exercises/ (e.g. --target solutions)`);
    }
  }

  const suites = args.exercises.map((e) => join(root, e.suite));
  const run = await runSuites(root, suites, target, WATCHDOG_SECONDS * 1000);
  const report = gradeReport(
    args.exercises.map((e, i) => exerciseReport(e, run.outcomes.get(suites[i]!), WATCHDOG_SECONDS, run.timedOut.has(suites[i]!))),
  );

  if (args.format === 'json') {
    const { exercises, ...totals } = report;
    const json = { ...totals, exercises: exercises.map(({ id, status, score, maxScore, tests }) => ({ id, status, score, maxScore, tests })) };
    console.log(JSON.stringify(json, null, 2));
  } else {
    const shown = relative(process.cwd(), target) || '.';
    const titles = [...new Set(args.exercises.map((e) => courses.find((c) => c.id === e.course)!.title))].join(', ');
    const fileOf = (id: string) => {
      const exercise = args.exercises.find((e) => e.id === id)!;
      return join(relative(process.cwd(), target) || '.', exercise.course, exercise.files[0]!);
    };
    const seen = readHintState(root);
    const hintsOf = (id: string) => {
      const exercise = args.exercises.find((e) => e.id === id)!;
      const count = seen[`${exercise.course}/${exercise.id}`] ?? 0;
      return count < exercise.hints.length ? `Stuck? \`npm run hint ${id}\` (${count} of ${exercise.hints.length} hints seen)` : '';
    };
    const color = process.stdout.isTTY === true && !process.env.NO_COLOR;
    console.log(formatScorecard(report, { course: titles, target: shown, gradeCommand: (id) => `npm run grade ${id}`, fileOf, hintsOf }, styles(color)));
  }
  return report.exercises.every((e) => e.status === 'pass') ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof MetadataError) {
      console.error(`error: ${error.message}${error instanceof UsageError ? `\n\n${USAGE}` : ''}`);
    } else {
      console.error('error: the grader itself failed; this is not your code\'s fault. Details:');
      console.error(error);
    }
    process.exit(2);
  },
);
