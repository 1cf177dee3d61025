// A grading session asks the broker for a sandbox only when it can run: a session whose required file is missing
// (an upload with one course's files, an empty submission) costs no process, and one that runs takes exactly one.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { bundleAndRun, type SessionRequest } from '../grader/sandbox/bundle-and-run.js';
import type { Sandbox, SandboxOutcome } from '../grader/sandbox/run-sandboxed.js';
import { KIT_ROOT } from './kit-sandbox.js';

const request = (required: string[]): SessionRequest => ({
  dir: join(KIT_ROOT, 'solutions'),
  shownAs: 'solutions',
  course: 'optimizers',
  required,
  optional: [],
  jobs: [],
  timeLimitMs: 5_000,
});

/** A stand-in for the broker's spares: counts what is taken, and runs nothing. */
function spares() {
  const ran: string[][] = [];
  let taken = 0;
  const outcome: SandboxOutcome = {
    results: new Map(),
    timedOut: false,
    output: '',
    outputTruncated: false,
    guards: [],
  };
  const take = (): Promise<Sandbox> => {
    taken++;
    return Promise.resolve({
      run: (sandboxRequest) => (ran.push(Object.keys(sandboxRequest.modules)), Promise.resolve(outcome)),
      dispose: () => Promise.resolve(),
      booted: Promise.resolve(),
      reusable: false,
    });
  };
  return { take, taken: () => taken, ran };
}

test('a session whose required file is missing takes no sandbox, and says which file', async () => {
  const pool = spares();
  const response = await bundleAndRun(request(['sgd.ts', 'no-such-file.ts']), pool.take);
  expect(pool.taken()).toBe(0);
  expect(response.outcome).toBeUndefined();
  expect(response.unavailable['no-such-file.ts']).toMatch(/no-such-file\.ts is missing/);
});

test('a session whose files are there takes one sandbox and runs them bundled', async () => {
  const pool = spares();
  const response = await bundleAndRun(request(['sgd.ts']), pool.take);
  expect(pool.taken()).toBe(1);
  expect(pool.ran).toEqual([['sgd.ts']]);
  expect(response.unavailable).toEqual({});
});
