// One submission's sessions share a sandboxed process only when the runner finds it, after a session, as that session
// found it (grader/sandbox/runner-main.ts). Each attack of tests/adversarial/sessions/ runs as a session's learner code
// (its act() called) and tries to reach the next session through the process: a timer left running, a built-in
// replaced or frozen, a value left on the global object, the tools that look for changes replaced. None may leave its
// process to be reused. An honest session leaves it reusable, and the next session loads fresh copies of the modules.
import { copyFileSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { bundleLearner } from '../grader/sandbox/bundle-learner.js';
import { compiledDrivers } from '../grader/sandbox/compiled-script.js';
import { openSandbox, type Sandbox } from '../grader/sandbox/run-sandboxed.js';
import type { SandboxRequest } from '../grader/sandbox/sandbox-protocol.js';
import { KIT_ROOT } from './kit-sandbox.js';

const ATTACKS = join(KIT_ROOT, 'tests', 'adversarial', 'sessions');
const folder = mkdtempSync(join(tmpdir(), 'sandbox-reuse-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A session calling `exportName` of the learner file `file` (in `folder`) with the built-in `call` driver. */
async function session(file: string, exportName: string): Promise<SandboxRequest> {
  return {
    modules: { [file]: await bundleLearner(folder, file, 'submission') },
    // A course id with no drivers of its own: the built-in ones only.
    drivers: await compiledDrivers('no-such-course'),
    jobs: [{ name: 'call', driver: 'call', input: { module: file, exportName } }],
  };
}

const valueOf = async (sandbox: Sandbox, request: SandboxRequest) => {
  const outcome = await sandbox.run(request, 5_000);
  expect(outcome.ended).toBeUndefined();
  return (outcome.results.get('call')?.output as { value: unknown } | undefined)?.value;
};

writeFileSync(join(folder, 'counter.ts'), 'let calls = 0;\nexport function count(): number {\n  return ++calls;\n}\n');

test('an honest session leaves its process to the next, which loads the modules afresh', async () => {
  const sandbox = await openSandbox();
  try {
    const request = await session('counter.ts', 'count');
    expect(await valueOf(sandbox, request)).toBe(1);
    expect(sandbox.reusable).toBe(true);
    // The same process: a module's state would have made this 2.
    expect(await valueOf(sandbox, request)).toBe(1);
    expect(sandbox.reusable).toBe(true);
  } finally {
    await sandbox.dispose();
  }
});

writeFileSync(
  join(folder, 'printer.ts'),
  "export function shout(): number {\n  console.log('a line', { step: 1 });\n  console.error('another');\n  console.trace('here');\n  return 1;\n}\n",
);

test("what the learner's code prints reaches the grader, and a session that prints leaves its process to the next", async () => {
  const sandbox = await openSandbox();
  try {
    const request = await session('printer.ts', 'shout');
    // The same call again as a hidden test's job: what it prints there must not leave the sandbox.
    request.jobs.push({ ...request.jobs[0]!, name: 'hidden call', hidden: true });
    const outcome = await sandbox.run(request, 5_000);
    expect(outcome.ended).toBeUndefined();
    // With the job's result, for the grader to show beside a visible test; and on stdout, for when a process dies.
    // A trace lists the learner's own frames, named as in the exercise folder.
    expect(outcome.results.get('call')?.printed).toBe(
      'a line { step: 1 }\nanother\nTrace: here\n    at shout (printer.ts:4:11)\n',
    );
    expect(outcome.results.get('hidden call')).toEqual({ output: { value: 1, calls: [] } });
    expect(outcome.output).toContain('a line { step: 1 }');
    expect(outcome.output).toContain('another');
    expect(sandbox.reusable).toBe(true);
  } finally {
    await sandbox.dispose();
  }
});

const attacks = readdirSync(ATTACKS).filter((file) => file.endsWith('.ts'));
/**
 * Attacks whose first step needs what the runner withdraws from learner code (runner-guards.ts), by what they find
 * missing: that step fails, naming it, and nothing is left for a next session.
 */
const WITHDRAWN: Record<string, string> = { 'stash-on-segments.ts': 'Intl.Segmenter is not a constructor' };

test.each(attacks.filter((file) => !(file in WITHDRAWN)))(
  '%s: the process is not reused, and ends as a one-session process would',
  async (file) => {
    copyFileSync(join(ATTACKS, file), join(folder, file));
    const sandbox = await openSandbox();
    try {
      const outcome = await sandbox.run(await session(file, 'act'), 1_500);
      // The attack's own session still gets its result; only the process is not handed on.
      expect((outcome.results.get('call')?.output as { value: unknown } | undefined)?.value).toBe(1);
      expect(sandbox.reusable).toBe(false);
      await expect(sandbox.run(await session('counter.ts', 'count'), 5_000)).rejects.toThrow(/serves no session/);
    } finally {
      await sandbox.dispose();
    }
  },
);

test.each(Object.entries(WITHDRAWN))('%s: finds what it needs withdrawn (%s)', async (file, missing) => {
  copyFileSync(join(ATTACKS, file), join(folder, file));
  const sandbox = await openSandbox();
  try {
    const outcome = await sandbox.run(await session(file, 'act'), 1_500);
    expect(outcome.results.get('call')?.failure?.message).toBe(`TypeError: ${missing}`);
  } finally {
    await sandbox.dispose();
  }
});

test("grader-values/: what a session leaves on the grader's own values' class is not there for the next", async () => {
  const module = 'nonlinearities.ts';
  copyFileSync(join(ATTACKS, 'grader-values', module), join(folder, module));
  const request = async (a: number): Promise<SandboxRequest> => ({
    modules: { [module]: await bundleLearner(folder, module, 'submission') },
    drivers: await compiledDrivers('backprop'),
    jobs: [
      {
        name: 'expression',
        driver: 'nonlinearityExpression',
        input: { leaves: { a }, steps: [['b', 'tanh', 'a']] },
      },
    ],
  });
  const sandbox = await openSandbox();
  try {
    // As a hidden test's input would be: a value the next session must not learn.
    await sandbox.run(await request(0.123456789), 5_000);
    if (sandbox.reusable) {
      const next = await sandbox.run(await request(0.5), 5_000);
      expect(JSON.stringify([...next.results.values()])).not.toContain('0.123456789');
    }
  } finally {
    await sandbox.dispose();
  }
});

test('the corpus of attacks on reuse is there', () => {
  expect(attacks.length).toBeGreaterThanOrEqual(6);
});
