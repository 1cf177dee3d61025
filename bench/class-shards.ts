// A class too big for one machine: 1,000 generated submissions graded once whole, then in 4 shards (--shard i/4)
// merged with --merge, as a CI matrix would; the merged gradebook must equal the whole run's, row for row.
// Prints each run's time: the whole run, every shard, and the merge.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { loadCourses } from '../grader/course/course-metadata.js';
import { generateClass } from './class-generator.js';

const root = resolve(import.meta.dirname, '..');
const COUNT = Number(process.env.BENCH_LARGE_CLASS ?? 1000);
const SHARDS = 4;

if (COUNT === 0) {
  console.log('class in shards: skipped (BENCH_LARGE_CLASS=0)');
  process.exit(0);
}
const courses = loadCourses(root);
const dir = mkdtempSync(join(tmpdir(), 'class-shards-bench-'));
const submissions = generateClass(root, courses, COUNT, dir);

function seconds(args: string[]): number {
  const started = performance.now();
  const result = spawnSync('node', ['scripts/launch.mjs', 'grader/cli/grade.ts', ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`grade ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  return (performance.now() - started) / 1000;
}

/** The gradebook's rows in a fixed order: shards write theirs in their own order. */
const rows = (out: string): string[] => {
  const [header, ...body] = readFileSync(join(out, 'gradebook.csv'), 'utf8').trim().split('\n');
  return [header!, ...body.sort()];
};

try {
  const whole = seconds(['--submissions', submissions, '--out', join(dir, 'whole')]);
  const shards: number[] = [];
  for (let i = 1; i <= SHARDS; i++)
    shards.push(seconds(['--submissions', submissions, '--shard', `${i}/${SHARDS}`, '--out', join(dir, `shard-${i}`)]));
  const outs = shards.map((_, i) => join(dir, `shard-${i + 1}`));
  const merge = seconds(['--merge', ...outs, '--out', join(dir, 'merged')]);
  const [expected, merged] = [rows(join(dir, 'whole')), rows(join(dir, 'merged'))];
  const same = expected.length === merged.length && expected.every((row, i) => row === merged[i]);
  console.log(`class of ${COUNT} submissions, whole and in ${SHARDS} shards:`);
  console.log(`  whole run           ${whole.toFixed(1)} s (${((whole * 1000) / COUNT).toFixed(0)} ms per submission)`);
  console.log(`  shards              ${shards.map((s) => `${s.toFixed(1)} s`).join(', ')} (one after another here)`);
  console.log(
    `  with ${SHARDS} machines     ${(Math.max(...shards) + merge).toFixed(1)} s (the slowest shard, then the merge); on this one, ${(shards.reduce((a, b) => a + b, 0) + merge).toFixed(1)} s in all`,
  );
  console.log(`  merge               ${merge.toFixed(1)} s`);
  console.log(
    `  merged gradebook    ${same ? 'equals' : 'DIFFERS FROM'} the whole run's (${merged.length - 1} rows, sorted)`,
  );
  if (!same) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
