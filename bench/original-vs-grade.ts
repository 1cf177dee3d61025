// Grading beside the original material's own tests, for every course that ships them as
// courses/<course>/bench/original-tests.py (run with Debian's python3, which has PyTorch): the two commands run
// in interleaved pairs, with their medians and the ratio, then where one grading run's time goes (--timings).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { loadCourses, qualifiedId } from '../grader/course/course-metadata.js';
import { REFERENCE_PYTHON as PYTHON } from '../scripts/reference-python.js';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function seconds(command: string[]): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(command[0]!, command.slice(1), { cwd: root, stdio: 'ignore' });
  if (run.status !== 0) throw new Error(`${command.join(' ')} exited ${run.status}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

const hasTorch = spawnSync(PYTHON, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0;

for (const course of loadCourses(root)) {
  const original = join('courses', course.id, 'bench', 'original-tests.py');
  if (!existsSync(join(root, original))) continue;
  console.log(`${course.id}: npm run grade beside the original tests (${original})`);
  if (!hasTorch) {
    console.log(`  skipped: ${PYTHON} cannot import torch (apt-get install python3-torch)\n`);
    continue;
  }
  const grade = [
    'npm',
    'run',
    '--silent',
    'grade',
    '--',
    '--target',
    'solutions',
    ...course.exercises.map(qualifiedId),
  ];
  const theirs = [PYTHON, original];
  seconds(grade); // warm the caches (tsx, the OS's file cache, Python's bytecode) before measuring
  seconds(theirs);
  const ours: number[] = [];
  const reference: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternate which goes first, so that neither always runs on a machine the other just warmed or loaded.
    if (run % 2) reference.push(seconds(theirs));
    ours.push(seconds(grade));
    if (!(run % 2)) reference.push(seconds(theirs));
  }
  const ratios = ours.map((t, i) => t / reference[i]!);
  const line = (name: string, values: number[]) =>
    `  ${name.padEnd(58)} median ${median(values).toFixed(2)} s (min ${Math.min(...values).toFixed(2)}, max ${Math.max(...values).toFixed(2)})`;
  console.log(line(`npm run grade -- --target solutions (${course.exercises.length} exercises)`, ours));
  console.log(line(`python3 ${original}`, reference));
  const ratio = median(ours) / median(reference);
  console.log(
    `  ratio ${ratio.toFixed(2)} (pairs: ${Math.min(...ratios).toFixed(2)} to ${Math.max(...ratios).toFixed(2)}; goal ≤ 1.0: ${ratio <= 1 ? 'met' : 'NOT met'})`,
  );
  const timed = spawnSync(
    'node',
    ['scripts/launch.mjs', 'grader/cli/grade.ts', '--target', 'solutions', '--timings', ...grade.slice(7)],
    { cwd: root, encoding: 'utf8' },
  );
  console.log(
    timed.stderr
      .trim()
      .split('\n')
      .map((l) => `  ${l}`)
      .join('\n'),
  );
  console.log('');
}
