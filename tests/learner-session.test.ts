// How a suite reads a session's results (grader/harness/learner-session.ts), run in-process on the stubs: a job
// marked hidden is read only as a hidden test's, and only a job so marked, so that no suite can quote what the
// learner's code saw or printed in a hidden test by reading it the wrong way.
import { afterAll, expect, test } from 'vitest';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runSession, SessionProblem } from '../grader/harness/learner-session.js';
import type { Job } from '../grader/sandbox/sandbox-protocol.js';
import { KIT_ROOT } from './kit-sandbox.js';

const dir = mkdtempSync(join(tmpdir(), 'learner-session-'));
cpSync(join(KIT_ROOT, 'solutions'), dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const call: Omit<Job, 'name'> = { driver: 'call', input: { module: 'challenge.ts', exportName: 'challengeEntry' } };

test("a hidden test's job is read as hidden, and only such a job is", async () => {
  const session = await runSession(
    { id: '', dir, shownAs: 'solutions' },
    'optimizers',
    ['challenge.ts'],
    [
      { name: 'visible', ...call },
      { name: 'hidden 0', ...call, hidden: true },
    ],
  );
  expect(session.result('visible').output).toBeDefined();
  expect(session.result('hidden 0', 'hidden').output).toEqual(session.result('visible').output);
  expect(() => session.result('hidden 0')).toThrow(
    /^job hidden 0 is a hidden test's: read it with result\(name, 'hidden'\)$/,
  );
  expect(() => session.result('hidden 0', 'quiet')).toThrow(/is a hidden test's/);
  expect(() => session.result('visible', 'hidden')).toThrow(
    "the suite reads job visible as a hidden test's, but did not mark it hidden: set hidden: true where the job is made",
  );
});

test("a learner's problem carries its message and kind, and no frame of the harness for vitest to map", () => {
  const problem = new SessionProblem({ kind: 'timeout', message: 'your code ran for more than 5 s' });
  expect(problem.kind).toBe('timeout');
  expect(problem.message).toBe('your code ran for more than 5 s');
  expect(problem.stack).toBe('Error: your code ran for more than 5 s');
  expect(new SessionProblem('it returned 3').kind).toBe('wrong-result');
});
