// Grading a class: 100 generated submissions mixing correct, buggy and adversarial code (folders and zips),
// graded with --submissions, then graded again unchanged (every report reused). The goal is for a class as an
// instructor grades it, one course's exercises; every course at once, the kit's whole load, is shown beside it.
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
/** Each course's class is graded this many times, in turn with the others, and its median quoted. */
const RUNS = Number(process.env.BENCH_CLASS_RUNS ?? 3);

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

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const verdict = (seconds: number, goal: number) => `goal ≤ ${goal} s: ${seconds <= goal ? 'met' : 'NOT met'}`;
try {
  const all = grade();
  const again = grade();
  const rows =
    readFileSync(join(dir, 'grades', 'gradebook.csv'), 'utf8')
      .trim()
      .split('\n').length - 1;
  const exercises = courses.reduce((n, c) => n + c.exercises.length, 0);
  console.log(
    `class of ${COUNT} submissions (${SLOW_SUBMISSIONS} hanging or flooding memory, others correct, buggy or adversarial):`,
  );
  const times = new Map(courses.map((c) => [c.id, [] as number[]]));
  for (let run = 0; run < (courses.length > 1 ? RUNS : 0); run++)
    for (const course of courses)
      times.get(course.id)!.push(grade(`grades-${course.id}-${run}`, course.exercises.map(qualifiedId)));
  for (const course of courses) {
    const seconds = courses.length > 1 ? median(times.get(course.id)!) : all;
    console.log(
      `  ${course.id} (${course.exercises.length} exercises): ${seconds.toFixed(1)} s (${((seconds * 1000) / COUNT).toFixed(0)} ms per submission; ${courses.length > 1 ? `median of ${RUNS}; ` : ''}${verdict(seconds, GOAL_SECONDS)})`,
    );
  }
  if (courses.length > 1)
    console.log(
      `  every course in every submission (${exercises} exercises): ${all.toFixed(1)} s (${((all * 1000) / COUNT).toFixed(0)} ms per submission; no goal: ${courses.length} classes' work at once)`,
    );
  console.log(`  ${rows} gradebook rows`);
  console.log(
    `  every course, graded again unchanged: ${again.toFixed(1)} s (every report reused; ${verdict(again, AGAIN_GOAL_SECONDS)})`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
