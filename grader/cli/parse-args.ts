// The command line of `npm run grade`: which exercises, which folder, which format.
import { parseArgs } from 'node:util';
import type { Course, Exercise } from '../course/course-metadata.js';
import { ExerciseNameError, findExercise } from '../course/find-exercise.js';

export const USAGE = `usage: npm run grade -- [exercise ...] [--target DIR] [--format text|json|gradescope|junit] [--watch]
       npm run grade -- --submissions DIR [--out DIR] [exercise ...]

  exercise       exercises to grade, as <course>/<id> (or <id> alone where no other course has one like
                 it, in any case); all when none is given
  --target DIR   grade the learner files in DIR (laid out like exercises/); default exercises/
  --format F     text (a scorecard, the default), json (a machine-readable report), gradescope
                 (Gradescope's results.json) or junit (JUnit XML); --out FILE writes it to FILE
  --submissions DIR  grade a whole class: every folder or .zip in DIR is one submission; writes
                 gradebook.csv and one JSON report per submission to --out DIR (default ./gradebook)
  --watch        grade again whenever a file is saved (also: npm run watch)
  --timings      also print where the time went (loading, sandbox, vitest, suites) to stderr
  --verbose      also print which sandbox guards are on, in one line (the JSON report always has them)
  --official     grade for the record: refuse unless the sandbox has its full guards (Linux); a class
                 (--submissions) and --format gradescope are always graded for the record
  --allow-weak-sandbox  grade for the record even without the full guards (the reports say which were on)

exit code: 0 when every selected exercise passes, 1 when one does not, 2 for a usage error`;

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface GradeArgs {
  help: boolean;
  target: string | undefined;
  format: 'text' | 'json' | 'gradescope' | 'junit';
  watch: boolean;
  timings: boolean;
  verbose: boolean;
  /** Grading for the record: --official, --submissions or --format gradescope. */
  official: boolean;
  allowWeakSandbox: boolean;
  submissions: string | undefined;
  out: string | undefined;
  exercises: Exercise[];
}

export function parseGradeArgs(argv: string[], courses: Course[]): GradeArgs {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        target: { type: 'string' },
        format: { type: 'string', default: 'text' },
        watch: { type: 'boolean' },
        timings: { type: 'boolean' },
        verbose: { type: 'boolean' },
        official: { type: 'boolean' },
        'allow-weak-sandbox': { type: 'boolean' },
        submissions: { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const formats = ['text', 'json', 'gradescope', 'junit'] as const;
  const format = formats.find((f) => f === values.format);
  if (!format) throw new UsageError(`--format must be text, json, gradescope or junit, not ${values.format}`);
  if (values.submissions && (values.target || values.watch))
    throw new UsageError('--submissions grades a class; it does not combine with --target or --watch');
  const all = courses.flatMap((c) => c.exercises);
  const exercises =
    positionals.length === 0
      ? all
      : positionals.map((name) => {
          try {
            return findExercise(all, name);
          } catch (error) {
            throw error instanceof ExerciseNameError ? new UsageError(error.message) : error;
          }
        });
  if (values.watch && format !== 'text')
    throw new UsageError('--watch shows the scorecard; it does not combine with --format');
  return {
    help: values.help ?? false,
    target: values.target,
    format,
    watch: values.watch ?? false,
    timings: values.timings ?? false,
    verbose: values.verbose ?? false,
    official: (values.official ?? false) || values.submissions !== undefined || format === 'gradescope',
    allowWeakSandbox: values['allow-weak-sandbox'] ?? false,
    submissions: values.submissions,
    out: values.out,
    exercises: [...new Set(exercises)],
  };
}
