// `npm run reset <exercise> ...`: puts exercises' starting files back, keeping the learner's version in
// .grade/backups/ so that nothing is ever lost.
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { loadCourses, type Course, type Exercise } from '../grader/course/course-metadata.js';
import { exerciseArgs } from '../grader/cli/exercise-args.js';
import { ExerciseNameError, findExercise, usageWithExercises } from '../grader/course/find-exercise.js';
import { unsafeDestination, writeAtomically } from '../grader/files/write-atomically.js';
import { pristinePath } from '../grader/course/starting-files.js';

const root = resolve(import.meta.dirname, '..');

/** The starting version of a learner file: the kit's pristine copy, or (in the instructor's repo) a fresh stub. */
async function pristine(exercise: Exercise, file: string, labels: string[]): Promise<string> {
  const kept = join(root, pristinePath(exercise.course, file));
  if (existsSync(kept)) return readFileSync(kept, 'utf8');
  const solution = join('solutions', exercise.course, file);
  if (!existsSync(join(root, solution)))
    throw new Error(`no starting version of ${exercise.course}/${file} in this kit`);
  const { generateFile } = await import('./stubs/generate-stubs.js');
  return generateFile(readFileSync(join(root, solution), 'utf8'), solution, labels, 'normal');
}

const USAGE = 'usage: npm run reset <course>/<id> ...   (or <id> alone where no other course has one like it)';

async function main(argv: string[]): Promise<number> {
  const courses = loadCourses(root);
  const exercises = courses.flatMap((c) => c.exercises);
  const args = exerciseArgs('npm run reset', argv, [], Infinity);
  if (args.help && !args.problem) {
    console.log(usageWithExercises(USAGE, exercises));
    return 0;
  }
  if (args.problem || args.names.length === 0) {
    console.error(`${args.problem ? `${args.problem}\n` : ''}${usageWithExercises(USAGE, exercises)}`);
    return 2;
  }
  // Every name is checked before any file is touched: a typo in the second must not leave the first one reset.
  let chosen: Exercise[];
  try {
    chosen = [...new Set(args.names.map((name) => findExercise(exercises, name)))];
  } catch (error) {
    if (!(error instanceof ExerciseNameError)) throw error;
    console.error(error.message);
    return 2;
  }
  // The backups go below the kit, never through a link (a .grade that links elsewhere): checked before anything.
  const unsafe = unsafeDestination(root, [join('.grade', 'backups', 'a-backup')]);
  if (unsafe) {
    console.error(
      `error: ${relative(root, unsafe.path)} is a ${unsafe.found}: npm run reset keeps your version in .grade/backups/ ` +
        'and will not write through it. Make it a real folder (or remove it), then run again; nothing was changed.',
    );
    return 1;
  }
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  for (const exercise of chosen) await resetExercise(exercise, courses, stamp);
  return 0;
}

/** Puts `exercise`'s starting files back, keeping each learner version that differs in .grade/backups/. */
async function resetExercise(exercise: Exercise, courses: Course[], stamp: string): Promise<void> {
  const labels = courses.find((c) => c.id === exercise.course)!.labels;
  for (const file of exercise.files) {
    const target = join(root, 'exercises', exercise.course, file);
    const fresh = await pristine(exercise, file, labels);
    if (existsSync(target)) {
      if (readFileSync(target, 'utf8') === fresh) {
        console.log(`exercises/${exercise.course}/${file} is already as it started`);
        continue;
      }
      // The stamp goes before the ending, so that an editor still opens the backup as TypeScript.
      const ending = extname(file);
      const name = `${exercise.course}-${file.slice(0, file.length - ending.length)}.${stamp}${ending}`;
      mkdirSync(join(root, '.grade', 'backups'), { recursive: true });
      copyFileSync(target, join(root, '.grade', 'backups', name));
      console.log(
        `your version is saved as .grade/backups/${name}; to go back to it, copy it over exercises/${exercise.course}/${file}`,
      );
    }
    writeAtomically(target, fresh);
    console.log(`exercises/${exercise.course}/${file} is back to its starting version`);
  }
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
