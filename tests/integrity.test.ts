// Hostile learner files, graded through the CLI as an instructor grades a class: every attack of
// tests/adversarial/sandbox/ is one submission (a copy of exercises/ with the attack as optimizers/sgd.ts) of a single
// `--submissions` run in a copy of the kit. None earns a pass it did not earn, the grader survives every one and
// writes each a report (under 1 MB, naming no secret, path or hidden case), the run ends in bounded time, no file of
// the kit changes and no process is left behind. Each attack needs an expectation below. A learner's own
// `npm run grade` of an attack is tested last, with the grader killed while the attack runs.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exerciseOf, gradeClassRun, type ClassRun } from './class-run.js';
import { KIT_ROOT, makeSandbox, snapshot, LAUNCH } from './kit-sandbox.js';
import { leftBehindUnder, processesUnder } from './left-behind.js';
import { listenOn } from './socket-listener.js';

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
  // fetch's classes are withdrawn with it: the attack finds none and stops at load.
  'network-classes': /^error$/,
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
  'console-streams': NOT_PASS,
};

// A secret in the grader's environment, as CI or Gradescope would have: no report may carry it.
const SECRET = `grader-secret-${process.pid}-${Date.now()}`;
const MAX_REPORT_BYTES = 1024 * 1024;
/**
 * The whole class, every attack included, must be graded within this. One attack alone took up to a few seconds
 * (the endless loop is stopped at 10 s); a grader stuck on any of them would run into its 40 s watchdog per member.
 */
const CLASS_SECONDS = 120;

/** Every hidden case's start and learning rate as they would be printed: none may reach a report. */
function hiddenMarks(kit: string): string[] {
  const hidden = JSON.parse(readFileSync(join(kit, 'grader', 'optimizers', 'hidden', 'cases.json'), 'utf8')) as {
    cases: Record<string, Array<{ start: number[]; options: Record<string, number> }>>;
  };
  return hidden.cases.sgd!.flatMap((c) => [c.start.join(','), `"learningRate":${c.options.learningRate}`]);
}

/**
 * Where console-streams.ts tries to connect: a Unix socket any user may connect to, as the system's D-Bus socket is.
 * The connections it received, counted while the class is graded.
 */
const LISTENER = '/tmp/adversarial-listener.sock';
let reached = 0;

interface GradedClass {
  kit: { root: string; dispose(): void };
  work: string;
  run: ClassRun;
  leftBehind: string[];
  kitBefore: Record<string, string>;
  rootBefore: string[];
}

const kitFiles = (kit: string) => ({
  ...snapshot(join(kit, 'grader')),
  ...snapshot(join(kit, 'exercises')),
  ...snapshot(join(kit, 'solutions')),
});

/** Lays out the class in a copy of the kit and grades it, in the run's own temp folder; then looks for leftovers. */
async function gradeAttacks(): Promise<GradedClass> {
  const kit = makeSandbox();
  const work = mkdtempSync(join(tmpdir(), 'adversarial-'));
  const temp = join(work, 'tmp');
  mkdirSync(temp);
  chmodSync(work, 0o711); // sandboxes with a uid of their own must reach their folders below it
  chmodSync(temp, 0o711);
  const kitBefore = kitFiles(kit.root);
  const rootBefore = readdirSync(kit.root).sort();
  rmSync('/tmp/adversarial-was-here', { force: true });
  for (const file of readdirSync(ADVERSARIAL)) {
    const member = join(work, 'class', file.replace(/\.ts$/, ''));
    cpSync(join(kit.root, 'exercises'), member, { recursive: true });
    cpSync(join(ADVERSARIAL, file), join(member, 'optimizers', 'sgd.ts'));
  }
  const listener = await listenOn(LISTENER, () => reached++);
  const run = await gradeClassRun({
    kit: kit.root,
    submissions: join(work, 'class'),
    out: join(work, 'out'),
    exercises: ['sgd'],
    env: { TMPDIR: temp, GRADER_TEST_SECRET: SECRET },
    killAfterMs: 2 * CLASS_SECONDS * 1000,
  }).finally(() => listener.close());
  return { kit, work, run, leftBehind: await leftBehindUnder(temp), kitBefore, rootBefore };
}

// Started at once and awaited by the class's tests: the test of a killed grader runs while the class is graded.
let grading: Promise<GradedClass>;
beforeAll(() => {
  grading = gradeAttacks();
  grading.catch(() => undefined); // a failure is reported where the class's tests await it
});

test('learner code left running by a grader that was killed (Ctrl-C, or kill -9) ends with it', async () => {
  const target = mkdtempSync(join(tmpdir(), 'adversarial-orphan-'));
  const temp = mkdtempSync(join(tmpdir(), 'adversarial-tmp-'));
  chmodSync(temp, 0o711);
  try {
    cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
    cpSync(join(ADVERSARIAL, 'hang-at-load.ts'), join(target, 'optimizers', 'sgd.ts'));
    const grader = spawn(process.execPath, [LAUNCH, 'grader/cli/grade.ts', 'sgd', '--target', target], {
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

describe('adversarial submissions, graded as one class', () => {
  let kit: GradedClass['kit'];
  let work: string;
  let run: ClassRun;
  let leftBehind: string[];
  let kitBefore: Record<string, string>;
  let rootBefore: string[];

  beforeAll(
    async () => {
      ({ kit, work, run, leftBehind, kitBefore, rootBefore } = await grading);
    },
    3 * CLASS_SECONDS * 1000,
  );

  afterAll(() => {
    rmSync(work, { recursive: true, force: true });
    kit.dispose();
  });

  test('the grader survives the whole class: no signal, exit 0, in bounded time, nothing left running', () => {
    expect(run.signal, `the grader was killed by ${run.signal}`).toBeNull();
    expect(run.exitCode, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.seconds).toBeLessThan(CLASS_SECONDS);
    expect(leftBehind, 'processes left running').toEqual([]);
    expect(run.gradebook).not.toContain(SECRET);
  });

  test.each(Object.entries(expected))('%s is graded %s, with a report of its own', (name, status) => {
    const report = run.reports.get(name);
    expect(report, `no report for ${name}`).toBeDefined();
    expect(report!.problem, 'the submission was not graded').toBeUndefined();
    const sgd = exerciseOf(report, 'sgd');
    const messages = sgd.tests.map((t) => t.message);
    expect(sgd.status, messages.find(Boolean)).toMatch(status);
    if (sgd.status !== 'pass') expect(messages.some((m) => m.length > 10)).toBe(true);
    const text = run.reportTexts.get(name)!;
    expect(text.length).toBeLessThan(MAX_REPORT_BYTES);
    expect(text).not.toContain(SECRET);
  });

  test('a report names no path of the kit, and no hidden case', () => {
    // A process that ran out of memory is described in words, not with the native stack trace Node.js printed.
    expect(run.reportTexts.get('memory-hog')).toContain('ran out of memory');
    expect(run.reportTexts.get('memory-hog')).not.toMatch(/v8::|Native stack trace|\[\/\w/);
    expect(run.reportTexts.get('leak-environment')).not.toContain(kit.root);
    expect(run.reportTexts.get('leak-environment')).not.toContain(KIT_ROOT);
    const stolen = run.reportTexts.get('steal-hidden-cases')!;
    for (const mark of hiddenMarks(kit.root)) expect(stolen).not.toContain(mark);
  });

  test('a huge exception message is cut to a size a report can carry', () => {
    const longest = Math.max(...exerciseOf(run.reports.get('huge-message'), 'sgd').tests.map((t) => t.message.length));
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
    expect(kitFiles(kit.root)).toEqual(kitBefore);
    expect(readdirSync(kit.root).sort(), 'a file appeared in the kit root (a trace log?)').toEqual(rootBefore);
    expect(existsSync('/tmp/adversarial-was-here')).toBe(false);
    expect(reached, 'a sandbox connected to a Unix socket of the machine').toBe(0);
    expect(existsSync('/tmp/results.json') && readFileSync('/tmp/results.json', 'utf8').includes('"score":100')).toBe(
      false,
    );
    for (const name of Object.keys(expected)) expect(existsSync(join(work, 'class', name, 'results.json'))).toBe(false);
  });
});
