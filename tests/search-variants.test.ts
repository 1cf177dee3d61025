// The hyperparameter-search exercise grades independent learner implementations right: a correct one in
// another style passes, and each typical mistake (linear spacing, draws swapped, last on a tie, over budget) fails;
// where the trials show what went wrong, the first failure says it (DIAGNOSES).
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { exerciseOf, gradeClassRun, type ClassRun } from './class-run.js';
import { KIT_ROOT } from './kit-sandbox.js';

const VARIANTS = join(KIT_ROOT, 'tests', 'search-variants');
const NAMES = readdirSync(VARIANTS).map((f) => f.replace(/\.ts$/, ''));
let work: string;
let run: ClassRun;

// Every variant is one submission of a class (the solutions, its search replaced), graded in one run of the grader.
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'search-variants-'));
  for (const name of NAMES) {
    const course = join(work, 'class', name, 'optimizers');
    mkdirSync(course, { recursive: true });
    cpSync(join(KIT_ROOT, 'solutions', 'optimizers'), course, { recursive: true });
    cpSync(join(VARIANTS, `${name}.ts`), join(course, 'hyperparameter-search.ts'));
  }
  run = await gradeClassRun({
    kit: KIT_ROOT,
    submissions: join(work, 'class'),
    out: join(work, 'out'),
    exercises: ['optimizers/hyperparameter-search'],
  });
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The variant's status and its first failure's message ("" when every test passed). */
function verdictOf(name: string): { status: string; message: string } {
  const report = [...run.reports.values()].find((r) => r.submission === name);
  if (!report) throw new Error(`${name} was not graded: ${run.stderr}`);
  const graded = exerciseOf(report, 'hyperparameter-search');
  return { status: graded.status, message: graded.tests.find((t) => t.status !== 'pass')?.message ?? '' };
}

// What the first failure must say, read off the trials (harness/search-findings.ts), whatever code made them.
const DIAGNOSES: Record<string, RegExp> = {
  'buggy-over-budget': /Diagnosis: the grid has 20 values per coordinate, 20 × 20 = 400 trials, more than the budget/,
  'buggy-grid-rounds-up': /Diagnosis: the grid has 5 values per coordinate.*: √20 ≈ 4\.472 is rounded up to 5/,
  'buggy-power-binds-lower-exponent':
    /Diagnosis: the learning rates are .*, past the upper bound 0\.1: 10 \*\* applies to log10\(lo\) alone/,
  'buggy-random-drawn-once':
    /Diagnosis: every one of the 12 trials used the same learning rate \(.*\) and the same momentum \(.*\): they are drawn once, before the loop/,
  'buggy-best-starts-at-zero':
    /Diagnosis: bestTrial keeps the first trial \(6 steps\), though a later one converged in 4/,
  'buggy-last-on-tie': /Diagnosis: on a tie bestTrial keeps the later trial/,
  'buggy-linear-grid': /Diagnosis: the learning rates are spaced evenly in value/,
  'buggy-draw-order': /Diagnosis: each trial draws its momentum first/,
  'buggy-grid-one-trial-object':
    /Diagnosis: all \d+ trials hold the same values.*One trial object is pushed every time/,
  'buggy-random-no-lower-exponent': /Diagnosis: the learning rates run from 1 up .*without log10\(lo\)/,
};

test.each(NAMES)('%s', (name) => {
  const verdict = verdictOf(name);
  const description = readFileSync(join(VARIANTS, `${name}.ts`), 'utf8').split('\n')[0];
  if (name.startsWith('correct')) expect(verdict.status, `${description}\n${verdict.message}`).toBe('pass');
  else {
    expect(verdict.status, description).toBe('fail');
    expect(verdict.message.length).toBeGreaterThan(20);
    if (DIAGNOSES[name]) expect(verdict.message).toMatch(DIAGNOSES[name]);
  }
});
