// The backprop course graded end to end through the real CLI (a subprocess, --format json): the reference
// solutions earn full marks, the stubs nothing (each saying which function to write), every independently written
// engine in tests/learner-variants/backprop/correct/ passes every exercise, and every buggy variant in
// tests/learner-variants/backprop/buggy/<file>/ fails its exercise, named as the typical mistake it makes.
import { spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VARIANTS = join(ROOT, 'tests', 'learner-variants', 'backprop');
const SOLUTIONS = join(ROOT, 'solutions', 'backprop');
const TSX_CLI = join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const RUN_TIMEOUT_MS = 90_000;
const CONCURRENCY = 2;

/** The learner files, and the exercise each one is graded by. */
const EXERCISE_OF_FILE: Record<string, string> = {
  'value.ts': 'value',
  'backward.ts': 'backward',
  'nonlinearities.ts': 'nonlinearities',
  'nn.ts': 'mlp',
  'gradient-check.ts': 'gradient-check',
};
const FILES = Object.keys(EXERCISE_OF_FILE);
const EXERCISES = Object.values(EXERCISE_OF_FILE);
const NOTES = parse(readFileSync(join(ROOT, 'grader', 'backprop', 'mistakes.toml'), 'utf8')) as Record<
  string,
  Record<string, string>
>;

interface TestReport {
  name: string;
  status: string;
  message: string;
}
interface ExerciseReport {
  id: string;
  status: string;
  score: number;
  maxScore: number;
  tests: TestReport[];
}

/** A buggy variant: one learner file; the rest of the folder holds the reference files it imports, for tsc. */
interface Buggy {
  name: string;
  file: string;
  source: string;
  exercise: string;
  mistake: string;
}

const firstLine = (path: string) => readFileSync(path, 'utf8').split('\n', 1)[0]!;

const BUGGY: Buggy[] = readdirSync(join(VARIANTS, 'buggy')).flatMap((folder) => {
  const file = `${folder}.ts`;
  return readdirSync(join(VARIANTS, 'buggy', folder))
    .filter((name) => name.endsWith('.ts') && !FILES.includes(name))
    .sort()
    .map((name) => ({
      name: `${folder}/${name.slice(0, -3)}`,
      file,
      source: join(VARIANTS, 'buggy', folder, name),
      exercise: EXERCISE_OF_FILE[file]!,
      mistake: name.slice(0, -3),
    }));
});
const ENGINES = readdirSync(join(VARIANTS, 'correct')).sort();

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [TSX_CLI, ...args], { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), RUN_TIMEOUT_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** Grades `exercises` of a folder laid out like exercises/ (backprop/ filled from `files`, by learner file). */
async function grade(files: Record<string, string> | 'stubs', exercises: string[]): Promise<ExerciseReport[]> {
  const dir = mkdtempSync(join(tmpdir(), 'backprop-variants-'));
  try {
    if (files !== 'stubs') {
      mkdirSync(join(dir, 'backprop'));
      for (const file of FILES) copyFileSync(files[file] ?? join(SOLUTIONS, file), join(dir, 'backprop', file));
    }
    const target = files === 'stubs' ? join(ROOT, 'exercises') : dir;
    const ids = exercises.map((e) => `backprop/${e}`);
    const { code, stdout, stderr } = await run(['grader/cli/grade.ts', '--target', target, '--format', 'json', ...ids]);
    if (code !== 0 && code !== 1) throw new Error(`the grader exited with ${code}: ${stderr.trim()}`);
    return (JSON.parse(stdout) as { exercises: ExerciseReport[] }).exercises;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const reportOf = (reports: ExerciseReport[], exercise: string): ExerciseReport => {
  const report = reports.find((r) => r.id === exercise || r.id.endsWith(`/${exercise}`));
  if (!report) throw new Error(`no report for ${exercise}`);
  return report;
};

/**
 * Packs the buggy variants into few grade runs: the engine variants (value, backward, nonlinearities,
 * gradient-check) are independent of one another, since each suite runs the other parts on the grader's own
 * values; a network variant needs the reference engine beside it, so each runs with only a gradient-check variant.
 */
function pack(): Array<Buggy[]> {
  const runs: Array<Buggy[]> = [];
  const place = (b: Buggy, fits: (run: Buggy[]) => boolean) => {
    const run = runs.find((r) => fits(r) && !r.some((o) => o.file === b.file));
    if (run) run.push(b);
    else runs.push([b]);
  };
  for (const b of BUGGY.filter((b) => b.file === 'nn.ts')) place(b, () => false);
  for (const b of BUGGY.filter((b) => b.file !== 'nn.ts'))
    place(b, (run) => b.file === 'gradient-check.ts' || !run.some((o) => o.file === 'nn.ts'));
  return runs;
}

const outcomes = new Map<string, ExerciseReport[] | Error>();

async function inPool<T>(items: T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

beforeAll(async () => {
  const jobs: Array<{ key: string[]; files: Record<string, string> | 'stubs'; exercises: string[] }> = [
    { key: ['solutions'], files: {}, exercises: EXERCISES },
    { key: ['stubs'], files: 'stubs', exercises: EXERCISES },
    ...ENGINES.map((engine) => ({
      key: [`correct/${engine}`],
      files: Object.fromEntries(FILES.map((f) => [f, join(VARIANTS, 'correct', engine, f)])),
      exercises: EXERCISES,
    })),
    ...pack().map((run) => ({
      key: run.map((b) => `buggy/${b.name}`),
      files: Object.fromEntries(run.map((b) => [b.file, b.source])),
      exercises: run.map((b) => b.exercise),
    })),
  ];
  await inPool(jobs, async (job) => {
    const result = await grade(job.files, job.exercises).catch((error: unknown) =>
      error instanceof Error ? error : new Error(String(error)),
    );
    for (const key of job.key) outcomes.set(key, result);
  });
}, 600_000);

function reports(key: string): ExerciseReport[] {
  const outcome = outcomes.get(key);
  if (!outcome) throw new Error(`${key} was not graded`);
  if (outcome instanceof Error) throw outcome;
  return outcome;
}

const failures = (report: ExerciseReport) =>
  report.tests
    .filter((t) => t.status !== 'pass')
    .map((t) => `  ✗ ${t.name}: ${t.message}`)
    .join('\n');

test('the variants cover every catalogued mistake, and each says what it is', () => {
  for (const [exercise, notes] of Object.entries(NOTES)) {
    for (const mistake of Object.keys(notes)) {
      expect(
        BUGGY.some((b) => b.exercise === exercise && b.mistake === mistake),
        `no buggy variant for ${exercise}/${mistake}`,
      ).toBe(true);
    }
  }
  expect(ENGINES.length).toBeGreaterThanOrEqual(3);
  for (const b of BUGGY) expect(firstLine(b.source), b.name).toMatch(/^\/\/ Buggy \S+: \S/);
  for (const engine of ENGINES)
    for (const file of FILES)
      expect(firstLine(join(VARIANTS, 'correct', engine, file))).toMatch(/^\/\/ Correct engine: \S/);
});

test('the reference solutions earn full marks', () => {
  for (const exercise of EXERCISES) {
    const report = reportOf(reports('solutions'), exercise);
    expect(report.status, `${exercise}:\n${failures(report)}`).toBe('pass');
    expect(report.score).toBe(report.maxScore);
  }
});

test('the stubs earn nothing, and every failure says which function to write', () => {
  for (const exercise of EXERCISES) {
    const report = reportOf(reports('stubs'), exercise);
    expect(report.score, exercise).toBe(0);
    for (const t of report.tests) {
      expect(t.status, `${exercise}: ${t.name}`).not.toBe('pass');
      expect(t.message, `${exercise}: ${t.name}`).toMatch(/^not implemented yet: write \S/);
    }
  }
});

describe('every correct engine passes every exercise', () => {
  test.each(ENGINES)('%s', (engine) => {
    for (const exercise of EXERCISES) {
      const report = reportOf(reports(`correct/${engine}`), exercise);
      expect(report.status, `${engine} is correct, but ${exercise} says:\n${failures(report)}`).toBe('pass');
    }
  });
});

describe('every buggy variant fails its exercise, named as its typical mistake', () => {
  test.each(BUGGY.map((b) => [b.name, b] as const))('%s', (_, b) => {
    const report = reportOf(reports(`buggy/${b.name}`), b.exercise);
    expect(report.status, `${b.name} is wrong, but ${b.exercise} passed it`).toBe('fail');
    const note = NOTES[b.exercise]?.[b.mistake];
    if (!note) return; // a mistake outside the catalogue: failing is enough
    const first = report.tests.find((t) => t.status !== 'pass')!;
    // Where another mistake gives the same numbers on that case, the diagnosis names both.
    expect(first.message, `${b.name}: the first failure should name the mistake`).toMatch(
      /\nDiagnosis: this is a typical mistake: /,
    );
    expect(first.message, `${b.name}: the first failure should name the mistake`).toContain(`${note}.`);
  });
});

test('hidden tests are counted, and a failing one gives nothing of its case away', () => {
  const report = reportOf(reports('buggy/value/power-rule-k'), 'value');
  const hidden = report.tests.filter((t) => t.name.startsWith('hidden test '));
  expect(hidden.length).toBeGreaterThan(0);
  const failed = hidden.filter((t) => t.status === 'fail');
  expect(failed.length).toBeGreaterThan(0);
  for (const t of failed) expect(t.message).not.toMatch(/\d/);
});
