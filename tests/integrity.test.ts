// Adversarial learner files cannot earn a pass: patching built-ins, process.exit, forged result files, reading
// the fixtures, spawning processes, the network, endless loading, memory and output floods. Each is reported
// with a clear status, the run ends in bounded time, and no file outside the temporary folder changes.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gradeExercise, KIT_ROOT, snapshot, type Verdict } from './kit-sandbox.js';

const ADVERSARIAL = join(KIT_ROOT, 'tests', 'adversarial');
const expected: Record<string, RegExp> = {
  'patch-builtins': /^fail$/,
  'exit-at-load': /^error$/,
  'exit-in-step': /^error$/,
  // Static Node.js imports are refused when the file is bundled; hidden ones meet the permission model.
  'forge-results': /^error$/,
  'read-fixtures': /^error$/,
  'spawn-and-fetch': /^error$/,
  'dynamic-import-escape': /^fail$/,
  'hang-at-load': /^timeout$/,
  'flood-output': /^pass$/, // a correct optimizer that prints a lot is still correct
  'memory-hog': /^error$/,
};

describe('adversarial submissions', () => {
  const targets = new Map<string, string>();
  const verdicts = new Map<string, { verdict: Verdict; seconds: number }>();
  let kitBefore: Record<string, string>;

  beforeAll(async () => {
    kitBefore = { ...snapshot(join(KIT_ROOT, 'grader')), ...snapshot(join(KIT_ROOT, 'exercises')) };
    rmSync('/tmp/adversarial-was-here', { force: true });
    for (const file of readdirSync(ADVERSARIAL)) {
      const name = file.replace(/\.ts$/, '');
      const target = mkdtempSync(join(tmpdir(), `adversarial-${name}-`));
      cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
      cpSync(join(ADVERSARIAL, file), join(target, 'optimizers', 'sgd.ts'));
      targets.set(name, target);
    }
    const queue = [...targets];
    const worker = async () => {
      for (let next = queue.shift(); next; next = queue.shift()) verdicts.set(next[0], await gradeExercise('sgd', next[1]));
    };
    await Promise.all([worker(), worker()]);
  }, 180_000);

  afterAll(() => {
    for (const target of targets.values()) rmSync(target, { recursive: true, force: true });
  });

  test.each(Object.entries(expected))('%s is graded %s', (name, status) => {
    const result = verdicts.get(name);
    expect(result, `no verdict for ${name}`).toBeDefined();
    expect(result!.verdict.status, result!.verdict.message).toMatch(status);
    if (result!.verdict.status !== 'pass') expect(result!.verdict.message.length).toBeGreaterThan(10);
    expect(result!.seconds).toBeLessThan(30);
  });

  test('every adversarial file has an expectation', () => {
    expect(readdirSync(ADVERSARIAL).map((f) => f.replace(/\.ts$/, '')).sort()).toEqual(Object.keys(expected).sort());
  });

  test('no file of the kit changed, and nothing escaped the sandbox', () => {
    expect({ ...snapshot(join(KIT_ROOT, 'grader')), ...snapshot(join(KIT_ROOT, 'exercises')) }).toEqual(kitBefore);
    expect(existsSync('/tmp/adversarial-was-here')).toBe(false);
    expect(existsSync('/tmp/results.json') && readFileSync('/tmp/results.json', 'utf8').includes('"score":100')).toBe(false);
    for (const target of targets.values()) expect(existsSync(join(target, 'results.json'))).toBe(false);
  });
});
