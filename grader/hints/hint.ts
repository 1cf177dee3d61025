// `npm run hint <exercise>`: shows the hints revealed so far and reveals the next one.
import { resolve } from 'node:path';
import { loadCourses, qualifiedId } from '../course/course-metadata.js';
import { ExerciseNameError, findExercise, shortName, usageWithExercises } from '../course/find-exercise.js';
import { readHintState, writeHintState } from './hint-state.js';
import { exerciseArgs } from '../cli/exercise-args.js';

const USAGE =
  'usage: npm run hint <course>/<id>   (or <id> alone where no other course has one like it); --reset forgets the hints seen';

function main(argv: string[]): number {
  const root = resolve(import.meta.dirname, '..', '..');
  const args = exerciseArgs('npm run hint', argv, ['reset'], 1);
  if (args.problem) {
    console.error(`${args.problem}\n${USAGE}`);
    return 2;
  }
  const reset = args.flags.has('reset');
  const [name] = args.names;
  const exercises = loadCourses(root).flatMap((c) => c.exercises);
  if (args.help) {
    console.log(usageWithExercises(USAGE, exercises));
    return 0;
  }
  if (!name) {
    console.error(usageWithExercises(USAGE, exercises));
    return 2;
  }
  let exercise;
  try {
    exercise = findExercise(exercises, name);
  } catch (error) {
    if (!(error instanceof ExerciseNameError)) throw error;
    console.error(error.message);
    return 2;
  }
  const key = qualifiedId(exercise);
  const state = readHintState(root);
  if (reset) {
    delete state[key];
    const unsaved = writeHintState(root, state);
    if (unsaved) {
      console.error(`note: ${unsaved}`);
      return 1;
    }
    console.log(`hints for ${exercise.title} will start again from the first`);
    return 0;
  }
  if (exercise.hints.length === 0) {
    console.log(`${exercise.title} has no hints.`);
    return 0;
  }
  const shown = Math.min(exercise.hints.length, (state[key] ?? 0) + 1);
  state[key] = shown;
  const unsaved = writeHintState(root, state);
  console.log(`Hints for ${exercise.title} (${shown} of ${exercise.hints.length}):\n`);
  exercise.hints.slice(0, shown).forEach((hint, i) => console.log(`  ${i + 1}. ${hint}`));
  console.log(
    shown < exercise.hints.length
      ? `\nRun \`npm run hint ${shortName(exercise, exercises)}\` again for the next one.`
      : '\nThat was the last hint.',
  );
  // The hint is shown all the same: only the count of hints seen could not be kept.
  if (unsaved) console.error(`\nnote: ${unsaved}`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
