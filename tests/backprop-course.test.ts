// The backprop course graded end to end through the real CLI (one class run, --submissions): the reference
// solutions earn full marks, the stubs nothing (each saying which function to write), every independently written
// engine in tests/learner-variants/backprop/correct/ passes every exercise, and every buggy variant in
// tests/learner-variants/backprop/buggy/<file>/ fails its exercise, named as the typical mistake it makes.
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'smol-toml';
import { beforeAll, describe, expect, test } from 'vitest';
import type { ExerciseReport } from '../grader/cli/grade-report.js';
import { gradeClassRun } from './class-run.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const VARIANTS = join(ROOT, 'tests', 'learner-variants', 'backprop');
const SOLUTIONS = join(ROOT, 'solutions', 'backprop');
/** The whole class: some thirty submissions, each graded on every exercise. */
const RUN_TIMEOUT_MS = 300_000;

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
/** Attacks on the order check (tests/adversarial/backprop/), each graded as a learner's backward.ts. */
const ATTACKS_DIR = join(ROOT, 'tests', 'adversarial', 'backprop');
const ATTACKS = readdirSync(ATTACKS_DIR)
  .filter((name) => name.endsWith('.ts'))
  .sort();

/** backward()s copied from the kit's own walks (tests/adversarial/kit-copies/). */
const KIT_COPIES_DIR = join(ROOT, 'tests', 'adversarial', 'kit-copies');
const KIT_COPIES = readdirSync(KIT_COPIES_DIR)
  .filter((name) => name.endsWith('-as-backward.ts'))
  .sort();

const reportOf = (reports: ExerciseReport[], exercise: string): ExerciseReport => {
  const report = reports.find((r) => r.id === exercise || r.id.endsWith(`/${exercise}`));
  if (!report) throw new Error(`no report for ${exercise}`);
  return report;
};

/** What was graded, by key (solutions, stubs, correct/<engine>, buggy/<file>/<mistake>): its reports, or why none. */
const outcomes = new Map<string, ExerciseReport[] | Error>();

/**
 * Grades every job as one submission of a class, in one run of the grader on `exercises`: each submission laid out
 * like exercises/, its backprop/ filled from `files` (by learner file, the reference solutions for the rest), or the
 * stubs' backprop/ as learners get it.
 */
async function gradeAsClass(
  jobs: Array<{ key: string; files: Record<string, string> | 'stubs' }>,
  exercises: readonly string[] = EXERCISES,
): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'backprop-variants-'));
  try {
    // Folder names say which job a report is (the report's `submission`), whatever id the class run gives it.
    const folderOf = (key: string) => key.replaceAll('/', '--');
    for (const { key, files } of jobs) {
      const course = join(work, 'class', folderOf(key), 'backprop');
      mkdirSync(course, { recursive: true });
      if (files === 'stubs') cpSync(join(ROOT, 'exercises', 'backprop'), course, { recursive: true });
      else for (const file of FILES) copyFileSync(files[file] ?? join(SOLUTIONS, file), join(course, file));
    }
    const run = await gradeClassRun({
      kit: ROOT,
      submissions: join(work, 'class'),
      out: join(work, 'out'),
      exercises: exercises.map((e) => `backprop/${e}`),
      killAfterMs: RUN_TIMEOUT_MS,
    });
    const broke =
      run.exitCode !== 0 ? `the grader exited with ${run.exitCode ?? run.signal}: ${run.stderr.trim()}` : '';
    const bySubmission = new Map([...run.reports.values()].map((r) => [r.submission, r]));
    for (const { key } of jobs) {
      const report = bySubmission.get(folderOf(key));
      outcomes.set(
        key,
        report && !report.problem
          ? report.exercises
          : new Error(broke || `${key} was not graded: ${report?.problem ?? 'no report'}`),
      );
    }
  } catch (error) {
    for (const { key } of jobs) outcomes.set(key, error instanceof Error ? error : new Error(String(error)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

beforeAll(async () => {
  // The whole-kit cases on every exercise; each buggy variant only on the exercise its mistake belongs to, which is
  // all its tests read (one class run per exercise, so that no variant is graded four more times for nothing).
  const runs = [
    () =>
      gradeAsClass([
        { key: 'solutions', files: {} },
        { key: 'stubs', files: 'stubs' },
        ...ENGINES.map((engine) => ({
          key: `correct/${engine}`,
          files: Object.fromEntries(FILES.map((f) => [f, join(VARIANTS, 'correct', engine, f)])),
        })),
      ]),
    () =>
      gradeAsClass(
        [
          ...ATTACKS.map((name) => ({ key: `adversarial/${name}`, files: { 'backward.ts': join(ATTACKS_DIR, name) } })),
          ...KIT_COPIES.map((name) => ({
            key: `kit-copy/${name}`,
            files: { 'backward.ts': join(KIT_COPIES_DIR, name) },
          })),
        ],
        ['backward'],
      ),
    ...EXERCISES.map(
      (exercise) => () =>
        gradeAsClass(
          BUGGY.filter((b) => b.exercise === exercise).map((b) => ({
            key: `buggy/${b.name}`,
            files: { [b.file]: b.source },
          })),
          [exercise],
        ),
    ),
  ];
  // Two class runs at a time: all seven at once, beside the other test files on a 2-core machine, once stretched a
  // correct engine's network training (under a second alone) past its 10 s limit. The CPU they need is the same.
  await Promise.all(
    [0, 1].map(async () => {
      for (let run = runs.shift(); run; run = runs.shift()) await run();
    }),
  );
}, RUN_TIMEOUT_MS + 60_000);

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

// Mistakes outside the catalogue, named from how the wrong numbers relate to the right ones (the usual wrong formula
// at the case's inputs, the earlier gradients dropped, the order's own problem): the first failure says it.
const FINDINGS: Record<string, RegExp> = {
  'value/div-operands-swapped': /\nDiagnosis: c\.data is b \/ a \(.*\): the operands are the wrong way round/,
  'value/add-reads-out-grad-early':
    /\nDiagnosis: the local backward step adds nothing: .*Read out\.grad .* inside the step/,
  'nonlinearities/tanh-derivative-is-output':
    /\nDiagnosis: the local derivative your tanh uses is .*: that is out\.data, the output; the derivative of tanh is 1 − out\.data²/,
  'backward/zeroes-every-grad-first': /\nDiagnosis: the gradients the leaves held before the pass are lost/,
  'backward/order-without-visited-set':
    /\nDiagnosis: backward\(\) runs the local steps in topologicalOrder\(\)'s order, which lists \S+ twice/,
  'nn/bias-not-added': /\nDiagnosis: only biases are wrong, and their grads stay 0/,
  'value/sub-not-connected': /: the result of sub\(\) is not connected to a and b: no chain of children/,
  'nn/regularisation-forgotten': /\nDiagnosis: the regularisation 1e-4·Σ p² over every parameter is missing/,
  'nonlinearities/calls-value-methods':
    /threw tanh\(\) was called on a value the grader made: this exercise is graded apart from value\.ts/,
};

describe('mistakes outside the catalogue are named on the first failure', () => {
  test.each(Object.entries(FINDINGS))('%s', (name, finding) => {
    const b = BUGGY.find((v) => v.name === name);
    expect(b, `no buggy variant ${name}`).toBeDefined();
    const report = reportOf(reports(`buggy/${b!.name}`), b!.exercise);
    expect(report.tests.find((t) => t.status !== 'pass')?.message).toMatch(finding);
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

test.each(KIT_COPIES)("tests/adversarial/kit-copies/%s, a walk of the kit's as backward(), fails it", (name) => {
  const report = reportOf(reports(`kit-copy/${name}`), 'backward');
  expect(report.status).toBe('fail');
  // It fails where a value has two users, as the order check and PyTorch's gradients both say.
  const failed = report.tests.filter((t) => t.status === 'fail').map((t) => t.name);
  expect(failed.some((name) => name.startsWith('topologicalOrder()') && /two users/.test(name))).toBe(true);
  expect(failed.some((name) => name.startsWith('backward()') && /two users/.test(name))).toBe(true);
});

test.each(ATTACKS)(
  'tests/adversarial/backprop/%s passes no topologicalOrder() test, however it changes the built-ins',
  (name) => {
    const report = reportOf(reports(`adversarial/${name}`), 'backward');
    const order = report.tests.filter((t) => t.name.startsWith('topologicalOrder()'));
    expect(order.length).toBeGreaterThan(0);
    expect(order.filter((t) => t.status === 'pass').map((t) => t.name)).toEqual([]);
    expect(report.status).not.toBe('pass');
  },
);
