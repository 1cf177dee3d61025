// Grading a class: 100 generated submissions mixing correct, buggy and adversarial code (folders and zips),
// graded with --submissions, then graded again unchanged (every report reused).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { loadCourses } from '../grader/course/course-metadata.js';

const root = resolve(import.meta.dirname, '..');
const COUNT = Number(process.env.BENCH_SUBMISSIONS ?? 100);
const GOAL_SECONDS = 60;

// Every course's solutions make an honest submission; its exercises' buggy variants (tests/learner-variants/buggy/<id>/,
// where a course has them) and the sandbox attacks replace one learner file each.
const courses = loadCourses(root);
const exercises = courses.flatMap((c) => c.exercises);
/** A learner file to replace: `<course>/<file>`. */
type Pick = { slot: string; file: string };
const variantsDir = join(root, 'tests', 'learner-variants', 'buggy');
const buggy: Pick[] = exercises
  .filter((e) => e.files.length === 1 && existsSync(join(variantsDir, e.id)))
  .flatMap((e) =>
    readdirSync(join(variantsDir, e.id)).map((f) => ({
      slot: `${e.course}/${e.files[0]}`,
      file: join(variantsDir, e.id, f),
    })),
  );
const attacked = `${exercises[0]!.course}/${exercises[0]!.files[0]}`;
const adversarial: Pick[] = readdirSync(join(root, 'tests', 'adversarial', 'sandbox'))
  .filter((f) => !/hang|memory/.test(f))
  .map((f) => ({ slot: attacked, file: join(root, 'tests', 'adversarial', 'sandbox', f) }));
// Two that hang and one that floods memory: the worst a class sends, a few times in a hundred.
const slow: Pick[] = ['hang-at-load.ts', 'memory-hog.ts', 'hang-at-load.ts'].map((f) => ({
  slot: attacked,
  file: join(root, 'tests', 'adversarial', 'sandbox', f),
}));

const dir = mkdtempSync(join(tmpdir(), 'class-bench-'));
const submissions = join(dir, 'submissions');
mkdirSync(submissions);
for (let i = 0; i < COUNT; i++) {
  const folder = join(dir, 'build', `student-${String(i).padStart(3, '0')}`);
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
  if (pick) cpSync(pick.file, join(folder, pick.slot));
  const name = `student-${String(i).padStart(3, '0')}`;
  if (i % 2 === 0) cpSync(join(dir, 'build', name), join(submissions, name), { recursive: true });
  else {
    const files: Record<string, Uint8Array> = {};
    for (const course of courses)
      for (const f of readdirSync(join(folder, course.id)))
        files[`${name}/exercises/${course.id}/${f}`] = readFileSync(join(folder, course.id, f));
    writeFileSync(join(submissions, `${name}.zip`), zipSync(files));
  }
}

const grade = () => {
  const started = performance.now();
  const result = spawnSync(
    'node',
    ['scripts/launch.mjs', 'grader/cli/grade.ts', '--submissions', submissions, '--out', join(dir, 'grades')],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`grading the class failed (${result.status}): ${result.stderr}`);
  return (performance.now() - started) / 1000;
};

try {
  const first = grade();
  const again = grade();
  const rows =
    readFileSync(join(dir, 'grades', 'gradebook.csv'), 'utf8')
      .trim()
      .split('\n').length - 1;
  console.log(
    `class of ${COUNT} submissions (${slow.length} hanging or flooding memory, others correct, buggy or adversarial):`,
  );
  console.log(
    `  graded in ${first.toFixed(1)} s (${((first * 1000) / COUNT).toFixed(0)} ms per submission; goal ≤ ${GOAL_SECONDS} s: ${first <= GOAL_SECONDS ? 'met' : 'NOT met'}), ${rows} gradebook rows`,
  );
  console.log(`  graded again unchanged in ${again.toFixed(1)} s (every report reused)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
