// Hostile learner files, graded through the CLI as a student's would be: none earns a pass it did not earn, the
// grader survives every one and writes a report (under 1 MB, naming no secret, path or hidden case), the run ends
// in bounded time, no file of the kit changes and no process is left behind. The corpus is
// tests/adversarial/sandbox/, one file per attack; each needs an expectation below.
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KIT_ROOT, snapshot, TSX } from './kit-sandbox.js';

const ADVERSARIAL = join(KIT_ROOT, 'tests', 'adversarial', 'sandbox');
const NOT_PASS = /^(fail|error|timeout)$/;
const expected: Record<string, RegExp> = {
  'patch-builtins': /^fail$/,
  'exit-at-load': /^error$/,
  'exit-in-step': NOT_PASS,
  // Static Node.js imports are refused when the file is bundled; hidden ones find no `process` and no module.
  'forge-results': /^error$/,
  'read-fixtures': /^error$/,
  'spawn-and-fetch': /^error$/,
  'dynamic-import-escape': NOT_PASS,
  'hang-at-load': /^timeout$/,
  'flood-output': /^pass$/, // a correct optimizer that prints a lot is still correct
  'memory-hog': /^error$/,
  'signal-parent': NOT_PASS,
  'signal-group': NOT_PASS,
  'sleeping-orphan': NOT_PASS,
  'forge-result-channel': NOT_PASS,
  'flood-result-channel': NOT_PASS,
  'trace-events-file': NOT_PASS,
  'off-heap-memory': /^error$/,
  'huge-message': NOT_PASS,
  'leak-environment': NOT_PASS,
  'eval-import': NOT_PASS,
  'reach-broker': NOT_PASS,
  'steal-hidden-cases': NOT_PASS,
  'forge-driver-brand': /^fail$/,
};

// A secret in the grader's environment, as CI or Gradescope would have: no report may carry it.
const SECRET = `grader-secret-${process.pid}-${Date.now()}`;
const MAX_REPORT_BYTES = 1024 * 1024;

interface AttackRun {
  status: string;
  messages: string[];
  report: string;
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  seconds: number;
  /** Processes still running after the grader exited that were started under this run's temporary folder. */
  leftBehind: string[];
}

/** Processes whose command line names `folder`: a sandbox this run started has its runner there. */
function processesUnder(folder: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(folder) && !/^\s*\d+\s+Z/.test(line));
}

/** Grades sgd of `target` in a process group of its own (so a signal to its group cannot reach this test). */
function gradeAttack(target: string): Promise<AttackRun> {
  const temp = mkdtempSync(join(tmpdir(), 'adversarial-tmp-'));
  chmodSync(temp, 0o711); // sandboxes with a uid of their own must reach their folders below it
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(TSX, ['grader/cli/grade.ts', 'sgd', '--target', target, '--format', 'json'], {
      cwd: KIT_ROOT,
      detached: true,
      env: { ...process.env, TMPDIR: temp, GRADER_TEST_SECRET: SECRET },
    });
    let report = '';
    child.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
    const limit = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 90_000);
    child.on('close', async (exitCode, signal) => {
      clearTimeout(limit);
      const seconds = (Date.now() - started) / 1000;
      // What is killed with the grader needs a moment to go; what is still there after 3 s was left behind.
      let leftBehind = processesUnder(temp);
      for (let i = 0; i < 30 && leftBehind.length > 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        leftBehind = processesUnder(temp);
      }
      for (const line of leftBehind) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
      rmSync(temp, { recursive: true, force: true });
      let status = 'no report';
      let messages: string[] = [];
      try {
        const graded = (
          JSON.parse(report) as { exercises: Array<{ status: string; tests: Array<{ message: string }> }> }
        ).exercises[0]!;
        status = graded.status;
        messages = graded.tests.map((t) => t.message);
      } catch {
        // status stays 'no report'
      }
      resolve({ status, messages, report, exitCode, signal, seconds, leftBehind });
    });
  });
}

/** Every hidden case's start and learning rate as they would be printed: none may reach a report. */
function hiddenMarks(): string[] {
  const hidden = JSON.parse(readFileSync(join(KIT_ROOT, 'grader', 'optimizers', 'hidden', 'cases.json'), 'utf8')) as {
    cases: Record<string, Array<{ start: number[]; options: Record<string, number> }>>;
  };
  return hidden.cases.sgd!.flatMap((c) => [c.start.join(','), `"learningRate":${c.options.learningRate}`]);
}

describe('adversarial submissions', () => {
  const targets = new Map<string, string>();
  const runs = new Map<string, AttackRun>();
  let kitBefore: Record<string, string>;
  let rootBefore: string[];

  beforeAll(async () => {
    kitBefore = {
      ...snapshot(join(KIT_ROOT, 'grader')),
      ...snapshot(join(KIT_ROOT, 'exercises')),
      ...snapshot(join(KIT_ROOT, 'solutions')),
    };
    rootBefore = readdirSync(KIT_ROOT).sort();
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
      for (let next = queue.shift(); next; next = queue.shift()) runs.set(next[0], await gradeAttack(next[1]));
    };
    await Promise.all([worker(), worker()]);
  }, 400_000);

  afterAll(() => {
    for (const target of targets.values()) rmSync(target, { recursive: true, force: true });
  });

  test.each(Object.entries(expected))('%s is graded %s, and the grader survives it', (name, status) => {
    const run = runs.get(name);
    expect(run, `no run for ${name}`).toBeDefined();
    expect(run!.signal, `the grader was killed by ${run!.signal}`).toBeNull();
    expect([0, 1], `the grader exited with ${run!.exitCode}`).toContain(run!.exitCode);
    expect(run!.status, run!.messages.find(Boolean)).toMatch(status);
    if (run!.status !== 'pass') expect(run!.messages.some((m) => m.length > 10)).toBe(true);
    expect(run!.seconds).toBeLessThan(60);
    expect(run!.report.length).toBeLessThan(MAX_REPORT_BYTES);
    expect(run!.leftBehind, 'processes left running').toEqual([]);
    expect(run!.report).not.toContain(SECRET);
  });

  test('a report names no path of the kit, and no hidden case', () => {
    expect(runs.get('leak-environment')!.report).not.toContain(KIT_ROOT);
    const stolen = runs.get('steal-hidden-cases')!.report;
    for (const mark of hiddenMarks()) expect(stolen).not.toContain(mark);
  });

  test('a huge exception message is cut to a size a report can carry', () => {
    const longest = Math.max(...runs.get('huge-message')!.messages.map((m) => m.length));
    expect(longest).toBeLessThan(8 * 1024);
  });

  test('every adversarial file has an expectation', () => {
    expect(
      readdirSync(ADVERSARIAL)
        .map((f) => f.replace(/\.ts$/, ''))
        .sort(),
    ).toEqual(Object.keys(expected).sort());
  });

  test('no file of the kit changed, and nothing escaped the sandbox', () => {
    expect({
      ...snapshot(join(KIT_ROOT, 'grader')),
      ...snapshot(join(KIT_ROOT, 'exercises')),
      ...snapshot(join(KIT_ROOT, 'solutions')),
    }).toEqual(kitBefore);
    expect(readdirSync(KIT_ROOT).sort(), 'a file appeared in the kit root (a trace log?)').toEqual(rootBefore);
    expect(existsSync('/tmp/adversarial-was-here')).toBe(false);
    expect(existsSync('/tmp/results.json') && readFileSync('/tmp/results.json', 'utf8').includes('"score":100')).toBe(
      false,
    );
    for (const target of targets.values()) expect(existsSync(join(target, 'results.json'))).toBe(false);
  });
});

test('learner code left running by a grader that was killed (Ctrl-C, or kill -9) ends with it', async () => {
  const target = mkdtempSync(join(tmpdir(), 'adversarial-orphan-'));
  const temp = mkdtempSync(join(tmpdir(), 'adversarial-tmp-'));
  chmodSync(temp, 0o711);
  try {
    cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
    cpSync(join(ADVERSARIAL, 'hang-at-load.ts'), join(target, 'optimizers', 'sgd.ts'));
    const grader = spawn(TSX, ['grader/cli/grade.ts', 'sgd', '--target', target], {
      cwd: KIT_ROOT,
      stdio: 'ignore',
      detached: true,
      env: { ...process.env, TMPDIR: temp },
    });
    const spinning = () => processesUnder(temp).filter((line) => line.includes('runner.mjs'));
    for (let i = 0; i < 100 && spinning().length < 2; i++) await new Promise((r) => setTimeout(r, 100));
    expect(spinning().length, 'the sandbox running the endless loop was never seen').toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1500)); // let it spin, then kill the grader without any clean-up
    process.kill(-grader.pid!, 'SIGKILL'); // tsx and the grader it started; the sandboxes have groups of their own
    for (let i = 0; i < 50 && spinning().length > 0; i++) await new Promise((r) => setTimeout(r, 100));
    expect(spinning()).toEqual([]);
  } finally {
    for (const line of processesUnder(temp)) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
    rmSync(target, { recursive: true, force: true });
    rmSync(temp, { recursive: true, force: true });
  }
}, 60_000);
