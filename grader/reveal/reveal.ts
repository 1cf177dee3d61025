// `npm run reveal <exercise>`: where the instructor allows it, opens an exercise's official solution once the
// learner's own code passes. It grades the exercise, runs the reveal probe on the learner's files, derives the key
// from those results and decrypts; the solution goes to .grade/solutions/, never over the learner's work (nor
// through a link that a learner, or a tool, put in its way).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gradeFolder } from '../cli/grade-folder.js';
import { loadCourses, MetadataError, type Exercise } from '../course/course-metadata.js';
import { ExerciseNameError, findExercise, shortName, usageWithExercises } from '../course/find-exercise.js';
import { buckets, probeNumbers, REVEAL_VERSION, revealKey } from './reveal-key.js';
import { runProbe } from './run-probe.js';
import { exerciseArgs } from '../cli/exercise-args.js';
import { sealedSolutionPath, unseal, type SealedSolution } from './sealed-solution.js';
import { unsafeDestination, UnsafePathError } from '../files/write-atomically.js';
import { officialPath, refusal, writeOfficial } from './solution-destination.js';
import { exitOnSignals } from '../cli/exit-on-signal.js';
import { terminalSafe } from '../cli/terminal-text.js';
import { TemporaryFolderError } from '../files/temporary-folders.js';

const root = resolve(import.meta.dirname, '..', '..');
const USAGE =
  'usage: npm run reveal <course>/<id>   (or <id> alone where no other course has one like it), once `npm run grade` passes it';
const REVEAL_CASE = 'the reveal case (inputs the tests do not use, run the same way)';

/** The exercise's verdict from the grader itself, run in this process on the learner's files. */
async function grade(exercise: Exercise): Promise<{ status: string; message: string; notImplemented: boolean }> {
  const { report } = await gradeFolder(root, [exercise], join(root, 'exercises'), 'exercises');
  const graded = report.exercises[0]!;
  return { status: graded.status, message: graded.message, notImplemented: graded.notImplemented };
}

async function main(argv: string[]): Promise<number> {
  const args = exerciseArgs('npm run reveal', argv, [], 1);
  if (args.problem) {
    console.error(`${args.problem}\n${USAGE}`);
    return 2;
  }
  const [name] = args.names;
  const exercises = loadCourses(root).flatMap((c) => c.exercises);
  if (args.help) {
    console.log(usageWithExercises(USAGE, exercises));
    return 0;
  }
  let exercise: Exercise;
  try {
    if (!name) throw new ExerciseNameError(usageWithExercises(USAGE, exercises));
    exercise = findExercise(exercises, name);
  } catch (error) {
    if (!(error instanceof ExerciseNameError)) throw error;
    console.error(error.message);
    return 2;
  }
  const { course } = exercise;
  // The exercise as the learner types it, in every message and command shown.
  const id = shortName(exercise, exercises);
  const sealedPath = join(root, sealedSolutionPath(course, exercise.id));
  if (!existsSync(sealedPath)) {
    console.log(
      `The official solution of ${id} cannot be revealed: your instructor has not enabled it for this exercise. Your passing code is your solution; ask your instructor if you would like to compare.`,
    );
    return 1;
  }
  const sealed = JSON.parse(readFileSync(sealedPath, 'utf8')) as SealedSolution;
  if (sealed.version !== REVEAL_VERSION) {
    console.log(
      `${sealedSolutionPath(course, exercise.id)} was made for another version of this kit; ask your instructor for the current kit, then \`npm run update -- <kit>\`.`,
    );
    return 1;
  }

  // Checked before grading too, so that a link in the way costs no wait (and grading writes nothing into it).
  const unsafe = unsafeDestination(
    root,
    exercise.files.map((file) => officialPath(course, file)),
  );
  if (unsafe) {
    console.error(refusal(root, unsafe, id));
    return 1;
  }

  console.log(`Grading ${id} first: its solution opens only for code that passes…`);
  const verdict = await grade(exercise);
  if (verdict.status !== 'pass') {
    console.log(
      verdict.notImplemented
        ? `Your ${id} is not implemented yet, so its solution stays locked.`
        : `Your ${id} does not pass its tests yet, so its solution stays locked. The first problem:\n  ${terminalSafe(verdict.message.split('\n')[0] ?? '')}`,
    );
    console.log(`Make it pass (\`npm run grade ${id}\` shows what is wrong), then run \`npm run reveal ${id}\` again.`);
    return 1;
  }

  const probe = await runProbe(root, join(root, 'exercises'), 'exercises', exercise, sealed.probe);
  if (probe.problem !== undefined) {
    console.log(
      `Your ${id} passes its tests, but on ${REVEAL_CASE} ${terminalSafe(probe.problem)}.\nThe solution stays locked: make your code work for any input, then try again.`,
    );
    return 1;
  }
  const key = revealKey(course, exercise.id, buckets(probeNumbers(probe.results, sealed.shape), sealed));
  const files = unseal(sealed, key);
  if (!files) {
    console.log(
      `Your ${id} passes its tests, but its results on ${REVEAL_CASE} differ from the official ones, so the solution stays locked.\n` +
        'The key to it is made from the official results: only code that computes them for any input opens it. ' +
        'Look for something that fits the tested cases only (a fixed number, a special case), fix it, then try again.',
    );
    return 1;
  }
  // Only the exercise's own file names become paths: nothing in a sealed file decides where the kit writes.
  const written: Array<{ mine: string; official: string }> = [];
  for (const file of exercise.files.filter((f) => typeof files[f] === 'string')) {
    const official = officialPath(course, file);
    try {
      writeOfficial(root, official, files[file]!);
    } catch (error) {
      if (!(error instanceof UnsafePathError)) throw error;
      console.error(
        refusal(
          root,
          error,
          id,
          written.map((w) => w.official),
        ),
      );
      return 1;
    }
    written.push({ mine: join('exercises', course, file), official });
  }
  if (written.length === 0) {
    console.log(
      `${sealedSolutionPath(course, exercise.id)} holds none of this exercise's files; ask your instructor for the current kit.`,
    );
    return 1;
  }
  console.log(
    `\nUnlocked: the official solution of ${exercise.title} is in ${written.map((w) => w.official).join(', ')}`,
  );
  console.log(
    `Compare it with yours, e.g. \`diff ${written[0]!.mine} ${written[0]!.official}\`: the same results can come from quite different code, ` +
      'and yours passes as it is. Your files were not changed.',
  );
  return 0;
}

exitOnSignals();
main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof MetadataError || error instanceof TemporaryFolderError)
      console.error(`error: ${error.message}`);
    else {
      console.error("error: revealing failed; this is not your code's fault. Details:");
      console.error(error);
    }
    process.exitCode = 2;
  },
);
