// The command line of `npm run grade`: which exercises, which folder, which format.
import type { ParseArgsConfig } from 'node:util';
import type { Course, Exercise } from '../course/course-metadata.js';
import { closestName } from '../course/closest-name.js';
import { ExerciseNameError, findExercise } from '../course/find-exercise.js';
import { parseShard, type Shard } from './class-shards.js';
import { courseNamed } from './course-selection.js';
import { readOptions, UsageError } from './read-options.js';

export const USAGE = `usage: npm run grade -- [exercise ...] [--target DIR] [--format text|json|gradescope|junit] [--watch]
       npm run grade -- --submissions DIR [--out DIR] [--roster FILE] [--shard i/n] [exercise ...]
       npm run grade -- --merge OUT1 OUT2 ... --out DIR

  exercise       exercises to grade, as <course>/<id> (or <id> alone where no other course has one like
                 it, in any case), or a course's id for all of its exercises; all when none is given
  --target DIR   grade the learner files in DIR (laid out like exercises/); default exercises/
  --format F     text (a scorecard, the default), json (a machine-readable report), gradescope
                 (Gradescope's results.json) or junit (JUnit XML); --out FILE writes any of them
                 to FILE instead (the scorecard without colours)
  --submissions DIR  grade a whole class: every folder or .zip in DIR is one submission (DIR may be the
                 class's own .zip, as a platform exports it); writes gradebook.csv and one JSON report
                 per submission to --out DIR (default ./gradebook)
  --roster FILE  with --submissions: a CSV roster (GitHub Classroom's export as it is); rows are named by
                 its identifiers, and students who sent nothing get a row marked missing
  --shard i/n    with --submissions: grade only share i of n (the rows sorted by id, every n-th from the i-th)
  --merge OUT... merge the --out folders of a class graded in shards into one gradebook at --out DIR
  --watch        grade again whenever a file is saved (also: npm run watch)
  --timings      also print where the time went (loading, sandbox, vitest, suites) to stderr
  --verbose      also print which sandbox guards are on, in one line (the JSON report always has them)
  --official     grade for the record: refuse unless the sandbox has its full guards (Linux); a class
                 (--submissions) and --format gradescope are always graded for the record
  --allow-weak-sandbox  grade for the record even without the full guards (the reports say which were on)

exit code: 0 when every selected exercise passes, 1 when one does not, 2 for a usage error`;

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
  roster: string | undefined;
  shard: Shard | undefined;
  /** --merge: the output folders to merge (the positionals). */
  merge: string[] | undefined;
  exercises: Exercise[];
}

const OPTIONS = {
  target: { type: 'string' },
  format: { type: 'string', default: 'text' },
  watch: { type: 'boolean' },
  timings: { type: 'boolean' },
  verbose: { type: 'boolean' },
  official: { type: 'boolean' },
  'allow-weak-sandbox': { type: 'boolean' },
  submissions: { type: 'string' },
  out: { type: 'string' },
  roster: { type: 'string' },
  shard: { type: 'string' },
  merge: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** The exercises a name on the command line stands for: one exercise, or, where no exercise has the name, a course's. */
function named(courses: Course[], name: string): Exercise[] {
  const all = courses.flatMap((c) => c.exercises);
  try {
    return [findExercise(all, name)];
  } catch (error) {
    if (!(error instanceof ExerciseNameError)) throw error;
    // `<course>/` too, as a shell completes a folder's name.
    const typed = name.trim().replace(/\/$/, '');
    const course = courseNamed(courses, typed);
    if (course) return course.exercises;
    // A course within a typo of the name is a better guess than an exercise that only starts the same way.
    const near = closestName(
      typed,
      courses.map((c) => c.id),
    );
    const courseIds = courses.map((c) => c.id).join(', ');
    throw new UsageError(
      near
        ? `no exercise or course named ${name} (did you mean ${near}?); courses: ${courseIds}`
        : `${error.message}; or a course: ${courseIds}`,
    );
  }
}

export function parseGradeArgs(argv: string[], courses: Course[]): GradeArgs {
  const { values, positionals } = readOptions(argv, OPTIONS, true);
  const formats = ['text', 'json', 'gradescope', 'junit'] as const;
  const format = formats.find((f) => f === values.format);
  if (!format) throw new UsageError(`--format must be text, json, gradescope or junit, not ${values.format}`);
  if (values.submissions && (values.target || values.watch))
    throw new UsageError('--submissions grades a class; it does not combine with --target or --watch');
  if ((values.roster !== undefined || values.shard !== undefined) && !values.submissions)
    throw new UsageError('--roster and --shard go with --submissions');
  if (values.merge && (values.submissions || values.target || values.watch))
    throw new UsageError('--merge merges graded outputs; it does not combine with --submissions, --target or --watch');
  // A class's output is its gradebook and a JSON report per submission: another format would be silently ignored.
  const formatGiven = argv.some((a) => a === '--format' || a.startsWith('--format='));
  if ((values.submissions || values.merge) && formatGiven && format !== 'json')
    throw new UsageError(
      `--format ${format} is for one learner's folder; a class (--submissions, --merge) gets gradebook.csv and a JSON report per submission`,
    );
  if (values.merge && positionals.length === 0)
    throw new UsageError('--merge needs the output folders to merge: --merge OUT1 OUT2 ... --out DIR');
  let shard: Shard | undefined;
  try {
    shard = values.shard === undefined ? undefined : parseShard(values.shard);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const all = courses.flatMap((c) => c.exercises);
  const exercises =
    positionals.length === 0 || values.merge ? all : [...new Set(positionals.flatMap((name) => named(courses, name)))];
  if (values.watch && format !== 'text')
    throw new UsageError('--watch shows the scorecard; it does not combine with --format');
  if (values.watch && values.out !== undefined)
    throw new UsageError('--watch shows the scorecard on screen; it does not combine with --out');
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
    roster: values.roster,
    shard,
    merge: values.merge ? positionals : undefined,
    exercises: [...new Set(exercises)],
  };
}
