// `npm run bench`: times the kit's commands as users run them, several times side by side,
// and prints medians (these machines are noisy: compare within one run, not across runs).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { takeNoArguments } from '../scripts/no-arguments.js';

const root = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RUNS ?? 7);

const USAGE = `usage: npm run bench
  times the kit's commands, stub generation, watch mode, class grading and each course's own benchmarks
  (README.md, Benchmarks: what each measures and its goal); takes minutes. Settings, by environment:
  BENCH_RUNS=N              runs of each measurement (default 7)
  BENCH_SUBMISSIONS=N       the size of the class graded per course (default 100)
  BENCH_CLASS_RUNS=N        how many times that class is graded (default 3)
  BENCH_LARGE_CLASS=N       the class graded whole and in 4 shards (default 1000; 0 skips it)
  each course's own benchmarks (courses/<course>/bench/*.ts) may read settings of their own, named in the script`;

// Read before anything runs: a mistyped argument should not start the work.
takeNoArguments(USAGE);

interface Benchmark {
  name: string;
  command: string[];
  /** The exit codes that mean the command did its job. */
  ok: number[];
  goalSeconds?: number;
  env?: NodeJS.ProcessEnv;
}

// A PATH with nothing but node: the sandbox then runs under Node's permission model alone (no prlimit, unshare
// or setpriv), which shows what the operating system's guards cost.
const nodeOnly = mkdtempSync(join(tmpdir(), 'bench-node-only-'));
symlinkSync(process.execPath, join(nodeOnly, 'node'));
process.on('exit', () => rmSync(nodeOnly, { recursive: true, force: true }));

const benchmarks: Benchmark[] = [
  {
    name: 'npm run grade -- --target solutions',
    command: ['npm', 'run', '--silent', 'grade', '--', '--target', 'solutions'],
    ok: [0],
    goalSeconds: 1.5,
  },
  // The same grading started with tsx's loader for everything: what scripts/launch.mjs (compiled once) saves.
  {
    name: 'grade --target solutions, all via tsx',
    command: ['node', '--import', 'tsx', 'grader/cli/grade.ts', '--target', 'solutions'],
    ok: [0],
  },
  {
    name: 'grade --target solutions, launch.mjs',
    command: ['node', 'scripts/launch.mjs', 'grader/cli/grade.ts', '--target', 'solutions'],
    ok: [0],
  },
  {
    name: 'the same, without the OS guards',
    command: [process.execPath, 'scripts/launch.mjs', 'grader/cli/grade.ts', '--target', 'solutions'],
    ok: [0],
    env: { ...process.env, PATH: nodeOnly },
  },
  { name: 'npm run grade (the stubs)', command: ['npm', 'run', '--silent', 'grade'], ok: [1] },
  { name: 'npm run stubs -- --check', command: ['npm', 'run', '--silent', 'stubs', '--', '--check'], ok: [0] },
];

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function time(benchmark: Benchmark): number {
  const started = process.hrtime.bigint();
  const result = spawnSync(benchmark.command[0]!, benchmark.command.slice(1), {
    cwd: root,
    stdio: 'ignore',
    env: benchmark.env,
  });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!benchmark.ok.includes(result.status ?? -1)) throw new Error(`${benchmark.name} exited ${result.status}`);
  return seconds;
}

const samples = new Map<string, number[]>(benchmarks.map((b) => [b.name, []]));
for (const benchmark of benchmarks) time(benchmark); // warm caches (tsx, vite) before measuring
// Interleave the runs so that a burst of noise hits every command alike.
for (let run = 0; run < RUNS; run++)
  for (const benchmark of benchmarks) samples.get(benchmark.name)!.push(time(benchmark));

// The Node.js line matters here: from 22.1 on, Node keeps compiled code on disk (module.enableCompileCache), which
// the kit turns on; a process also starts in about half the time. Medians compare only within one Node.js.
console.log(
  `Node.js ${process.version}${Number(process.versions.node.split('.')[0]) >= 22 ? '' : ' (no compile cache: Node.js 22 or later keeps one)'}, ${availableParallelism()} cores`,
);
console.log(`wall time over ${RUNS} interleaved runs (seconds)\n`);
console.log(`${'command'.padEnd(40)} ${'median'.padStart(7)} ${'min'.padStart(7)} ${'max'.padStart(7)}  goal`);
for (const benchmark of benchmarks) {
  const values = samples.get(benchmark.name)!;
  const m = median(values);
  const goal =
    benchmark.goalSeconds === undefined
      ? ''
      : `≤ ${benchmark.goalSeconds} s: ${m <= benchmark.goalSeconds ? 'met' : 'NOT met'}`;
  console.log(
    `${benchmark.name.padEnd(40)} ${m.toFixed(2).padStart(7)} ${Math.min(...values)
      .toFixed(2)
      .padStart(7)} ${Math.max(...values)
      .toFixed(2)
      .padStart(7)}  ${goal}`,
  );
}
const ratio = median(samples.get(benchmarks[1]!.name)!) / median(samples.get(benchmarks[2]!.name)!);
console.log(
  `\nlaunch.mjs (compiled once) vs tsx's loader for everything: ${ratio.toFixed(2)}× faster (medians, same run)`,
);
const guarded = median(samples.get('grade --target solutions, launch.mjs')!);
const unguarded = median(samples.get('the same, without the OS guards')!);
console.log(
  `the OS guards (namespaces, own uid, rlimits, parent-death signal) cost ${(((guarded - unguarded) / unguarded) * 100).toFixed(1)} % (goal ≤ 10 %)`,
);

// In-process measurements that need the kit's modules loaded run as their own scripts; then each course's own
// benchmarks (courses/<course>/bench/*.ts).
const courseBenches = readdirSync(join(root, 'courses'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(root, 'courses', entry.name, 'bench')))
  .flatMap((entry) =>
    readdirSync(join(root, 'courses', entry.name, 'bench'))
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `courses/${entry.name}/bench/${file}`),
  );
for (const script of [
  'bench/original-vs-grade.ts',
  'bench/stubs-scaling.ts',
  'bench/watch-latency.ts',
  'bench/class-batch.ts',
  ...courseBenches,
  // The longest last: a class of 1,000 graded whole and in 4 shards (BENCH_LARGE_CLASS=N for another size).
  'bench/class-shards.ts',
]) {
  console.log('');
  const result = spawnSync('node', ['scripts/launch.mjs', script], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, BENCH_RUNS: String(RUNS) },
  });
  if (result.status !== 0) process.exitCode = 1;
}
