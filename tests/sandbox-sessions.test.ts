// A grading session asks the broker for a sandbox only when it can run: a session whose required file is missing
// (an upload with one course's files, an empty submission) costs no process, and one that runs takes exactly one,
// and one more, of the hidden lane, for its hidden tests' jobs, which never share a process with the others.
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { bundleAndRun, sandboxKey, type SandboxSource, type SessionRequest } from '../grader/sandbox/bundle-and-run.js';
import type { Sandbox, SandboxOutcome } from '../grader/sandbox/run-sandboxed.js';
import type { Job } from '../grader/sandbox/sandbox-protocol.js';
import { KIT_ROOT } from './kit-sandbox.js';

const request = (required: string[], jobs: Job[] = []): SessionRequest => ({
  dir: join(KIT_ROOT, 'solutions'),
  shownAs: 'solutions',
  course: 'optimizers',
  required,
  optional: [],
  jobs,
  timeLimitMs: 5_000,
});

/** What a stand-in process answers a run with: no results, and `end` (how its run ended) if given. */
const noResults = (end: Partial<SandboxOutcome> = {}): SandboxOutcome => ({
  results: new Map(),
  timedOut: false,
  countedMs: 0,
  output: '',
  outputTruncated: false,
  guards: [],
  ...end,
});

/** A stand-in for the broker's spares: counts what is taken, and runs nothing. */
function spares() {
  const ran: string[][] = [];
  let taken = 0;
  const outcome = noResults();
  const take = (): Promise<Sandbox> => {
    taken++;
    return Promise.resolve({
      run: (sandboxRequest) => (ran.push(Object.keys(sandboxRequest.modules)), Promise.resolve(outcome)),
      dispose: () => Promise.resolve(),
      booted: Promise.resolve(),
      reusable: false,
    });
  };
  return { source: { take, kept: () => undefined, give: () => {} }, taken: () => taken, ran };
}

test('a session whose required file is missing takes no sandbox, and says which file', async () => {
  const pool = spares();
  const response = await bundleAndRun(request(['sgd.ts', 'no-such-file.ts']), pool.source);
  expect(pool.taken()).toBe(0);
  expect(response.outcome).toBeUndefined();
  expect(response.unavailable['no-such-file.ts']).toMatch(/no-such-file\.ts is missing/);
});

test('a session whose files are there takes one sandbox and runs them bundled', async () => {
  const pool = spares();
  const response = await bundleAndRun(request(['sgd.ts']), pool.source);
  expect(pool.taken()).toBe(1);
  expect(pool.ran).toEqual([['sgd.ts']]);
  expect(response.unavailable).toEqual({});
});

/**
 * A stand-in for the broker's processes, each of which records the kinds of job it ran and may serve again:
 * `keptHidden` says whether a process of the hidden lane waits at the start.
 */
function lanes(keptHidden: boolean) {
  const ran: Array<Array<'shown' | 'hidden'>> = [];
  let started = 0;
  const make = (): Sandbox => {
    const kinds: Array<'shown' | 'hidden'> = [];
    ran.push(kinds);
    return {
      run: (sandboxRequest) => {
        kinds.push(...sandboxRequest.jobs.map((job) => (job.hidden ? ('hidden' as const) : ('shown' as const))));
        return Promise.resolve(noResults());
      },
      dispose: () => Promise.resolve(),
      booted: Promise.resolve(),
      reusable: true,
    };
  };
  const idle = new Map<string, Sandbox[]>();
  if (keptHidden) idle.set(sandboxKey(request([]), 'hidden'), [make()]);
  const kept = (key: string) => idle.get(key)?.pop();
  const source: SandboxSource = {
    take: (key) => Promise.resolve(kept(key) ?? (started++, make())),
    kept,
    give: (key, sandbox) => void (sandbox.reusable && idle.set(key, [...(idle.get(key) ?? []), sandbox])),
  };
  return { source, ran, started: () => started, idle };
}

const job = (name: string, hidden = false): Job => ({ name, driver: 'call', ...(hidden ? { hidden } : {}) });
const mixed = [job('case 0'), job('hidden 0', true), job('case 1'), job('hidden 1', true)];

test.each([
  { keptHidden: false, why: 'its own process, last in the same run: the process joins the hidden lane' },
  { keptHidden: true, why: 'the hidden lane’s kept process, while its own stays clean' },
])("a session's hidden tests' jobs run on $why", async ({ keptHidden }) => {
  const pool = lanes(keptHidden);
  const response = await bundleAndRun(request(['sgd.ts'], mixed), pool.source);
  expect(response.hiddenOutcome).toBeDefined();
  expect(pool.started()).toBe(1);
  expect(pool.ran.flat().sort()).toEqual(['hidden', 'hidden', 'shown', 'shown']);
  // No process runs a visible test's job after a hidden test's.
  for (const kinds of pool.ran) expect(kinds.slice(kinds.indexOf('hidden') + 1 || kinds.length)).not.toContain('shown');
  // Kept for the next session: a process for its visible jobs only if none of its runs had a hidden job.
  expect(pool.idle.get(sandboxKey(request([]), 'shown'))?.length ?? 0).toBe(keptHidden ? 1 : 0);
  expect(pool.idle.get(sandboxKey(request([]), 'hidden'))).toHaveLength(1);
});

test.each([
  { timedOut: true, ended: undefined },
  { timedOut: false, ended: 'ran out of memory' },
])(
  'a session whose visible jobs timed out ($timedOut) or ended their process ($ended) does not run its hidden jobs',
  async ({ timedOut, ended }) => {
    const runs: string[][] = [];
    const sandbox: Sandbox = {
      run: (sandboxRequest) => {
        runs.push(sandboxRequest.jobs.map((job) => job.name));
        return Promise.resolve(noResults({ timedOut, ...(ended ? { ended } : {}) }));
      },
      dispose: () => Promise.resolve(),
      booted: Promise.resolve(),
      reusable: false,
    };
    const source: SandboxSource = { take: () => Promise.resolve(sandbox), kept: () => undefined, give: () => {} };
    const response = await bundleAndRun(request(['sgd.ts'], mixed), source);
    expect(runs).toEqual([['case 0', 'case 1']]);
    // As if they had run last in the same process: they report the same end.
    expect(response.hiddenOutcome).toMatchObject({ timedOut, ...(ended ? { ended } : {}), output: '' });
    expect(response.hiddenOutcome?.results.size).toBe(0);
  },
);

test.each([
  { counted: 3_000, hiddenLimit: 2_000 },
  { counted: 5_000, hiddenLimit: undefined },
])(
  "a session's hidden jobs get the time its visible jobs left of the limit, as counted ($counted ms of 5,000)",
  async ({ counted, hiddenLimit }) => {
    const limits: number[] = [];
    const sandbox: Sandbox = {
      run: (sandboxRequest, timeLimitMs) => {
        limits.push(timeLimitMs);
        // Counted time, not wall-clock time: a run that waited for a CPU has that time given back.
        return Promise.resolve(noResults({ countedMs: sandboxRequest.jobs[0]!.hidden ? 0 : counted }));
      },
      dispose: () => Promise.resolve(),
      booted: Promise.resolve(),
      reusable: true,
    };
    const source: SandboxSource = { take: () => Promise.resolve(sandbox), kept: () => undefined, give: () => {} };
    const response = await bundleAndRun(request(['sgd.ts'], mixed), source);
    expect(limits).toEqual(hiddenLimit === undefined ? [5_000] : [5_000, hiddenLimit]);
    expect(response.hiddenOutcome?.timedOut).toBe(hiddenLimit === undefined);
  },
);
