// A generated class for the class benchmarks: every course's solutions make an honest submission, and about a
// third of the submissions carry a buggy variant, some a sandbox attack, a few a hang or a memory flood; half are
// folders, half zips. The same count always makes the same class.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Course } from '../grader/course/course-metadata.js';

/** Learner files to replace (`<course>/<file>`), each with the same file. */
type Pick = { slots: string[]; file: string };

/** The number of hanging or memory-flooding submissions in every class (the first ones). */
export const SLOW_SUBMISSIONS = 3;

/** Writes `count` submissions into `dir`/submissions (using `dir`/build as scratch) and returns that folder. */
export function generateClass(root: string, courses: Course[], count: number, dir: string): string {
  const exercises = courses.flatMap((c) => c.exercises);
  const variantsDir = join(root, 'tests', 'learner-variants', 'buggy');
  const buggy: Pick[] = exercises
    .filter((e) => e.files.length === 1 && existsSync(join(variantsDir, e.id)))
    .flatMap((e) =>
      readdirSync(join(variantsDir, e.id)).map((f) => ({
        slots: [`${e.course}/${e.files[0]}`],
        file: join(variantsDir, e.id, f),
      })),
    );
  // An attack goes into the first exercise of every course, so that a course graded alone meets it too.
  const attacked = courses.map((c) => `${c.id}/${c.exercises[0]!.files[0]}`);
  const adversarial: Pick[] = readdirSync(join(root, 'tests', 'adversarial', 'sandbox'))
    .filter((f) => !/hang|memory/.test(f))
    .map((f) => ({ slots: attacked, file: join(root, 'tests', 'adversarial', 'sandbox', f) }));
  // Two that hang and one that floods memory: the worst a class sends, a few times in a hundred.
  const slow: Pick[] = ['hang-at-load.ts', 'memory-hog.ts', 'hang-at-load.ts'].map((f) => ({
    slots: attacked,
    file: join(root, 'tests', 'adversarial', 'sandbox', f),
  }));
  const width = String(count - 1).length;
  const submissions = join(dir, 'submissions');
  mkdirSync(submissions, { recursive: true });
  for (let i = 0; i < count; i++) {
    const name = `student-${String(i).padStart(Math.max(3, width), '0')}`;
    const folder = join(dir, 'build', name);
    for (const course of courses) {
      mkdirSync(join(folder, course.id), { recursive: true });
      cpSync(join(root, 'solutions', course.id), join(folder, course.id), { recursive: true });
    }
    const pick =
      i < slow.length
        ? slow[i]!
        : i % 3 === 0
          ? buggy[i % buggy.length]!
          : i % 7 === 1
            ? adversarial[i % adversarial.length]!
            : undefined;
    for (const slot of pick?.slots ?? []) cpSync(pick!.file, join(folder, slot));
    if (i % 2 === 0) cpSync(folder, join(submissions, name), { recursive: true });
    else {
      const files: Record<string, Uint8Array> = {};
      for (const course of courses)
        for (const f of readdirSync(join(folder, course.id)))
          files[`${name}/exercises/${course.id}/${f}`] = readFileSync(join(folder, course.id, f));
      writeFileSync(join(submissions, `${name}.zip`), zipSync(files));
    }
  }
  return submissions;
}
