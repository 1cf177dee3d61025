// The hyperparameter-search exercise grades independent learner implementations right: a correct one in
// another style passes, and each typical mistake (linear spacing, draws swapped, last on a tie, over budget) fails.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { gradeExercise, KIT_ROOT, type Verdict } from './kit-sandbox.js';

const VARIANTS = join(KIT_ROOT, 'tests', 'search-variants');
const verdicts = new Map<string, Verdict>();
const dirs: string[] = [];

beforeAll(async () => {
  const queue = readdirSync(VARIANTS).map((file) => {
    const dir = mkdtempSync(join(tmpdir(), 'search-variant-'));
    dirs.push(dir);
    cpSync(join(KIT_ROOT, 'solutions'), dir, { recursive: true });
    cpSync(join(VARIANTS, file), join(dir, 'optimizers', 'hyperparameter-search.ts'));
    return [file.replace(/\.ts$/, ''), dir] as const;
  });
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift())
      verdicts.set(next[0], (await gradeExercise('hyperparameter-search', next[1])).verdict);
  };
  await Promise.all([worker(), worker()]);
}, 120_000);
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

test.each(readdirSync(VARIANTS).map((f) => f.replace(/\.ts$/, '')))('%s', (name) => {
  const verdict = verdicts.get(name)!;
  const description = readFileSync(join(VARIANTS, `${name}.ts`), 'utf8').split('\n')[0];
  if (name.startsWith('correct')) expect(verdict.status, `${description}\n${verdict.message}`).toBe('pass');
  else {
    expect(verdict.status, description).toBe('fail');
    expect(verdict.message.length).toBeGreaterThan(20);
  }
});
