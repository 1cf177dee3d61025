// Grading a class: 100 generated submissions mixing correct, buggy and adversarial code (folders and zips),
// graded with --submissions, then graded again unchanged (every report reused).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCourses, qualifiedId } from '../grader/course/course-metadata.js';
import { generateClass, SLOW_SUBMISSIONS } from './class-generator.js';

const root = resolve(import.meta.dirname, '..');
const COUNT = Number(process.env.BENCH_SUBMISSIONS ?? 100);
const GOAL_SECONDS = 30;
const AGAIN_GOAL_SECONDS = 1;

const courses = loadCourses(root);
const dir = mkdtempSync(join(tmpdir(), 'class-bench-'));
const submissions = generateClass(root, courses, COUNT, dir);

const grade = (out = 'grades', exercises: string[] = []) => {
  const started = performance.now();
  const result = spawnSync(
    'node',
    ['scripts/launch.mjs', 'grader/cli/grade.ts', '--submissions', submissions, '--out', join(dir, out), ...exercises],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`grading the class failed (${result.status}): ${result.stderr}`);
  return (performance.now() - started) / 1000;
};

const verdict = (seconds: number, goal: number) => `goal ≤ ${goal} s: ${seconds <= goal ? 'met' : 'NOT met'}`;
try {
  const first = grade();
  const again = grade();
  const rows =
    readFileSync(join(dir, 'grades', 'gradebook.csv'), 'utf8')
      .trim()
      .split('\n').length - 1;
  const exercises = courses.reduce((n, c) => n + c.exercises.length, 0);
  console.log(
    `class of ${COUNT} submissions, ${exercises} exercises each (${SLOW_SUBMISSIONS} hanging or flooding memory, others correct, buggy or adversarial):`,
  );
  console.log(
    `  graded in ${first.toFixed(1)} s (${((first * 1000) / COUNT).toFixed(0)} ms per submission; ${verdict(first, GOAL_SECONDS)}), ${rows} gradebook rows`,
  );
  console.log(
    `  graded again unchanged in ${again.toFixed(1)} s (every report reused; ${verdict(again, AGAIN_GOAL_SECONDS)})`,
  );
  // A class usually takes one course: each course's exercises alone, as its instructor would grade them.
  if (courses.length > 1)
    for (const course of courses) {
      const seconds = grade(`grades-${course.id}`, course.exercises.map(qualifiedId));
      console.log(
        `  ${course.id} alone (${course.exercises.length} exercises): ${seconds.toFixed(1)} s (${verdict(seconds, GOAL_SECONDS)})`,
      );
    }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
