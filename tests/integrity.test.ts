// Adversarial learner files cannot earn a pass: patching built-ins, process.exit, forged result files, reading
// the fixtures, spawning processes, the network, endless loading, memory and output floods. Each is reported
// with a clear status, the run ends in bounded time, and no file outside the temporary folder changes.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { gradeExercise, KIT_ROOT, snapshot, TSX, type Verdict } from './kit-sandbox.js';

const ADVERSARIAL = join(KIT_ROOT, 'tests', 'adversarial', 'sandbox');
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

test('learner code left spinning by a grader that was killed (Ctrl-C) is stopped by the CPU limit', async () => {
  const target = mkdtempSync(join(tmpdir(), 'adversarial-orphan-'));
  try {
    cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
    cpSync(join(ADVERSARIAL, 'hang-at-load.ts'), join(target, 'optimizers', 'sgd.ts'));
    const grader = spawn(TSX, ['grader/cli/grade.ts', 'sgd', '--target', target], { cwd: KIT_ROOT, stdio: 'ignore' });
    const sandboxes = async (): Promise<number[]> => {
      const out = execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' });
      return out.split('\n').filter((line) => line.includes('--experimental-permission') && line.includes('grade-sandbox-')).map((line) => Number(line.trim().split(' ')[0]));
    };
    const before = new Set(await sandboxes());
    let spinning: number[] = [];
    for (let i = 0; i < 100 && spinning.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      spinning = (await sandboxes()).filter((pid) => !before.has(pid));
    }
    expect(spinning.length, 'the sandbox running the endless loop was never seen').toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500)); // let it spin, then kill the grader without any clean-up
    execFileSync('pkill', ['-KILL', '-P', String(grader.pid)]);
    grader.kill('SIGKILL');
    const alive = () => spinning.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    for (let i = 0; i < 250 && alive().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(alive()).toEqual([]);
  } finally {
    rmSync(target, { recursive: true, force: true });
  }
}, 60_000);
