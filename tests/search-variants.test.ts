// The hyperparameter-search exercise grades independent learner implementations right: a correct one in
// another style passes, and each typical mistake (linear spacing, draws swapped, last on a tie, over budget) fails.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { KIT_ROOT, TSX } from './kit-sandbox.js';

const VARIANTS = join(KIT_ROOT, 'tests', 'search-variants');
const verdicts = new Map<string, { status: string; message: string }>();
const dirs: string[] = [];

function grade(target: string): Promise<{ status: string; message: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(TSX, ['grader/cli/grade.ts', 'hyperparameter-search', '--target', target, '--format', 'json'], { cwd: KIT_ROOT });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('error', reject);
    child.on('close', () => {
      const exercise = (JSON.parse(out) as { exercises: Array<{ status: string; tests: Array<{ status: string; message: string }> }> }).exercises[0]!;
      resolve({ status: exercise.status, message: exercise.tests.find((t) => t.status !== 'pass')?.message ?? '' });
    });
  });
}

beforeAll(async () => {
  const queue = readdirSync(VARIANTS).map((file) => {
    const dir = mkdtempSync(join(tmpdir(), 'search-variant-'));
    dirs.push(dir);
    cpSync(join(KIT_ROOT, 'solutions'), dir, { recursive: true });
    cpSync(join(VARIANTS, file), join(dir, 'optimizers', 'hyperparameter-search.ts'));
    return [file.replace(/\.ts$/, ''), dir] as const;
  });
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) verdicts.set(next[0], await grade(next[1]));
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
