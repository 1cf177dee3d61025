// A process that ran a hidden test's job never runs a job the learner sees again (grader/sandbox/bundle-and-run.ts),
// so that nothing the hidden cases were reaches a test the learner sees, whatever a process keeps between sessions.
// Each attack of tests/adversarial/leaks/ keeps a hidden test's input (keep(), run as a hidden job) somewhere the
// runner's look at the realm may not see, and looks for it (find(), run as a visible job) in the submission's next
// session, run the way the grader runs sessions: one submission's processes kept between its sessions, by lane.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, expect, test } from 'vitest';
import { bundleAndRun, type SandboxSource, type SessionRequest } from '../grader/sandbox/bundle-and-run.js';
import { IdleSandboxes } from '../grader/sandbox/idle-sandboxes.js';
import { openSandbox, type Sandbox } from '../grader/sandbox/run-sandboxed.js';
import type { Job } from '../grader/sandbox/sandbox-protocol.js';
import { KIT_ROOT } from './kit-sandbox.js';

const ATTACKS = join(KIT_ROOT, 'tests', 'adversarial', 'leaks');
/** A course id with no drivers of its own: the built-in `call` only. */
const COURSE = 'no-such-course';
/** As a hidden test's input would be. */
const SECRET = 0.123456789;

const dir = mkdtempSync(join(tmpdir(), 'adversarial-leaks-'));
mkdirSync(join(dir, COURSE));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The broker's way with processes: a lane's kept process for the submission's next session, else a new one. */
function processes() {
  const idle = new IdleSandboxes<Sandbox>(8);
  const started: Sandbox[] = [];
  const source: SandboxSource = idle.source(async () => {
    const sandbox = await openSandbox();
    started.push(sandbox);
    return sandbox;
  });
  return { source, started, end: () => Promise.all(idle.disposeAll()) };
}

const call = (name: string, file: string, exportName: string, args: unknown[] = []): Job => ({
  name,
  driver: 'call',
  input: { module: file, exportName, args },
});

const session = (file: string, jobs: Job[]): SessionRequest => ({
  dir,
  shownAs: 'submission',
  course: COURSE,
  required: [file],
  optional: [],
  jobs,
  timeLimitMs: 5_000,
});

const attacks = readdirSync(ATTACKS).filter((file) => file.endsWith('.ts'));
/**
 * Attacks whose first step needs what the runner withdraws from learner code (runner-guards.ts), by what they find
 * missing: neither keep() nor find() gets past it.
 */
const WITHDRAWN: Record<string, string> = { 'segments-prototype.ts': 'Intl.Segmenter is not a constructor' };

test.each(attacks)("%s: a hidden test's input is not there for the next session's visible test", async (file) => {
  copyFileSync(join(ATTACKS, file), join(dir, COURSE, file));
  const { source, started, end } = processes();
  try {
    // As a suite sends them: its visible tests' jobs, then its hidden tests'.
    const first = await bundleAndRun(
      session(file, [call('find', file, 'find'), { ...call('keep', file, 'keep', [SECRET]), hidden: true }]),
      source,
    );
    const missing = WITHDRAWN[file];
    if (missing) expect(first.hiddenOutcome?.results.get('keep')?.failure?.message).toBe(`TypeError: ${missing}`);
    else expect(first.hiddenOutcome?.results.get('keep')?.output).toEqual({ value: 1, calls: [] });
    // Long enough for a timer the attack left (20 ms) to fire while the process waits for its next session.
    await sleep(100);
    // With a hidden test of its own, which goes to the process the first session left in the hidden lane.
    const next = await bundleAndRun(
      session(file, [call('find', file, 'find'), { ...call('find hidden', file, 'find'), hidden: true }]),
      source,
    );
    const seen = next.outcome!;
    if (missing) expect(seen.results.get('find')?.failure?.message).toBe(`TypeError: ${missing}`);
    else expect(seen.results.get('find')?.failure).toBeUndefined();
    expect(JSON.stringify([...seen.results.values()])).not.toContain(String(SECRET));
    expect(seen.output).not.toContain(String(SECRET));
    // The first session's process ran a hidden test's job: the next session's visible tests got one of their own.
    expect(started).toHaveLength(2);
  } finally {
    await end();
  }
});

test('the corpus of leaks is there', () => {
  expect(attacks.length).toBeGreaterThanOrEqual(8);
});
