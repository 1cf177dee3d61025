// What leaves the sandbox is what the driver measured, whatever the learner's code did to the realm they share. Each
// attack of tests/adversarial/results/ loads in a session as learner code (a `call` of its act(), then of its
// second()) and changes what a runner might use to write its results: toJSON on the prototypes, JSON, Map and
// Number.isFinite replaced, a setter on Object.prototype. The grader must still read act()'s own value, NaN and
// -Infinity included, the second job's result; a later job must read what an earlier one measured, and a job whose
// learner code threw must keep what its driver had measured.
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { bundleLearner } from '../grader/sandbox/bundle-learner.js';
import { compiledDrivers } from '../grader/sandbox/compiled-script.js';
import { openSandbox } from '../grader/sandbox/run-sandboxed.js';
import type { Job } from '../grader/sandbox/sandbox-protocol.js';
import { KIT_ROOT } from './kit-sandbox.js';

const ATTACKS = join(KIT_ROOT, 'tests', 'adversarial', 'results');
const attacks = readdirSync(ATTACKS).filter((file) => file.endsWith('.ts'));
const folder = mkdtempSync(join(tmpdir(), 'sandbox-results-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** What every attack's act() returns. */
const HONEST = {
  steps: [
    [1, 2],
    [3, 4],
  ],
  nan: NaN,
  infinite: -Infinity,
};

test.each(attacks)('%s: the grader reads the value act() returned, and the next job runs', async (file) => {
  copyFileSync(join(ATTACKS, file), join(folder, file));
  const call = (name: string, exportName: string): Job => ({
    name,
    driver: 'call',
    input: { module: file, exportName },
  });
  const sandbox = await openSandbox();
  try {
    const outcome = await sandbox.run(
      {
        modules: { [file]: await bundleLearner(folder, file, 'submission') },
        // A course id with no drivers of its own: the built-in ones only.
        drivers: await compiledDrivers('no-such-course'),
        jobs: [call('act', 'act'), call('second', 'second')],
      },
      5_000,
    );
    expect(outcome.ended, outcome.output).toBeUndefined();
    expect(outcome.results.get('act')).toEqual({ output: { value: HONEST, calls: [] } });
    expect(outcome.results.get('second')).toEqual({ output: { value: 'second', calls: [] } });
    // Whatever it changed, the process goes with it.
    expect(sandbox.reusable).toBe(false);
  } finally {
    await sandbox.dispose();
  }
});

test("forge-earlier.ts: the challenge's run of its entry runs the entry its challengeEntry() returned", async () => {
  copyFileSync(join(ATTACKS, 'forge-earlier.ts'), join(folder, 'forge-earlier.ts'));
  const sandbox = await openSandbox();
  try {
    const module = 'forge-earlier.ts';
    const outcome = await sandbox.run(
      {
        modules: { [module]: await bundleLearner(folder, module, 'submission') },
        drivers: await compiledDrivers('optimizers'),
        jobs: [
          { name: 'entry', driver: 'call', input: { module, exportName: 'challengeEntry' } },
          {
            name: 'entry run',
            driver: 'entryRun',
            input: { entry: 'entry', optimizers: { sgd: { module, exportName: 'SGD' } }, start: [-1, 1], maxSteps: 10 },
          },
        ],
      },
      5_000,
    );
    expect(outcome.ended, outcome.output).toBeUndefined();
    // A run of n steps has n points (the start among them): challengeEntry() asked for 5, the forged entry for 1.
    expect(outcome.results.get('entry run')?.output).toHaveLength(5);
  } finally {
    await sandbox.dispose();
  }
});

test('swallow-partial.ts: a job whose learner code threw still carries what its driver had measured', async () => {
  const module = 'swallow-partial.ts';
  copyFileSync(join(ATTACKS, module), join(folder, module));
  const sandbox = await openSandbox();
  try {
    const run = { start: [-1, 2], options: { learningRate: 0.001 }, nSteps: 6 };
    const outcome = await sandbox.run(
      {
        modules: { [module]: await bundleLearner(folder, module, 'submission') },
        drivers: await compiledDrivers('optimizers'),
        jobs: [{ name: 'run', driver: 'trajectory', input: { module, exportName: 'SGD', run } }],
      },
      5_000,
    );
    const result = outcome.results.get('run');
    expect(result?.failure?.message).toContain('stopped on purpose');
    // The start and the two steps taken before the third threw.
    expect(result?.output).toHaveLength(3);
  } finally {
    await sandbox.dispose();
  }
});

test("replace-push.ts: a trajectory is where the learner's optimizer stood, whatever push does", async () => {
  const module = 'replace-push.ts';
  copyFileSync(join(ATTACKS, module), join(folder, module));
  const sandbox = await openSandbox();
  try {
    const run = { start: [-1, 2], options: { learningRate: 0.001 }, nSteps: 2 };
    const outcome = await sandbox.run(
      {
        modules: { [module]: await bundleLearner(folder, module, 'submission') },
        drivers: await compiledDrivers('optimizers'),
        jobs: [{ name: 'run', driver: 'trajectory', input: { module, exportName: 'SGD', run } }],
      },
      5_000,
    );
    // The SGD never moves: both points are the start.
    expect(outcome.results.get('run')?.output).toEqual([
      [-1, 2],
      [-1, 2],
    ]);
  } finally {
    await sandbox.dispose();
  }
});

test('the corpus of attacks on what leaves the sandbox is there', () => {
  expect(attacks.length).toBeGreaterThanOrEqual(3);
});
