// A session's time limit counts the learner's own time (grader/sandbox/cpu-wait.ts). The grader and its sandbox run
// pinned to one CPU that five busy processes also want, so the sandbox gets about a sixth of it: correct code that
// needs a fifth of its limit takes longer than the limit by the clock, and must still finish (up to about ten times
// slower, since the time given back stops at the limit again, a margin for the other tests' load); code that
// never ends must still be stopped, by twice the limit at most, even code that makes itself wait (tests/adversarial/
// time/).
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { KIT_ROOT, LAUNCH } from './kit-sandbox.js';

const LIMIT_MS = 1_500;
const folder = mkdtempSync(join(tmpdir(), 'sandbox-starved-'));
let rivals: ChildProcess[] = [];

/** The learner's loop, also timed here to find how many rounds take a given time on this machine. */
function burn(rounds: number): number {
  let x = 0;
  for (let i = 0; i < rounds; i++) x = (x * 31 + i) % 1_000_003;
  return x;
}

/** How many rounds take `ms` of CPU time: CPU time, not the clock's, which the other tests' load would stretch. */
function roundsFor(ms: number): number {
  burn(1e6); // compiled before it is timed
  const rounds = 2e7;
  const started = process.cpuUsage();
  burn(rounds);
  const { user, system } = process.cpuUsage(started);
  return Math.round((rounds * ms * 1000) / (user + system));
}

interface Ended {
  timedOut: boolean;
  ended?: string;
  countedMs: number;
  wallMs: number;
  done: boolean;
}

/**
 * Five busy processes on CPU 0, each in a session of its own, as the sandbox is (the kernel may share a CPU out
 * between sessions first), given once every one is running. Each ends by itself after a minute, should this file's
 * worker die before it can end them.
 */
async function startRivals(): Promise<ChildProcess[]> {
  const spin = "process.stdout.write('spinning\\n'); const end = Date.now() + 60_000; while (Date.now() < end);";
  const started = [0, 1, 2, 3, 4].map(() =>
    spawn('taskset', ['-c', '0', process.execPath, '-e', spin], {
      stdio: ['ignore', 'pipe', 'ignore'],
      detached: true,
    }),
  );
  await Promise.all(started.map((rival) => once(rival.stdout!, 'data')));
  return started;
}

/**
 * One session of `exportName` in `file` (learner.ts), run by a grader pinned to CPU 0: the busy processes start once
 * its sandbox has booted, so they slow the session alone (a whole grader's start at a sixth of a CPU took seconds).
 */
async function starvedSession(exportName: string, file = 'learner.ts'): Promise<Ended> {
  const args = [LAUNCH, join('tests', 'starved-session.ts'), folder, file, exportName, String(LIMIT_MS)];
  const session = spawn('taskset', ['-c', '0', process.execPath, ...args], { cwd: KIT_ROOT });
  let stderr = '';
  session.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  try {
    for await (const line of createInterface({ input: session.stdout })) {
      if (line !== 'ready') return JSON.parse(line) as Ended;
      rivals = await startRivals();
      session.stdin.write('go\n');
    }
    throw new Error(`the session printed no outcome: ${stderr}`);
  } finally {
    for (const rival of rivals) rival.kill('SIGKILL');
    rivals = [];
  }
}

describe.skipIf(process.platform !== 'linux')('a sandbox that waits for a CPU', () => {
  beforeAll(() => {
    const rounds = roundsFor(0.2 * LIMIT_MS);
    writeFileSync(
      join(folder, 'learner.ts'),
      [
        `export function correct(): number {`,
        `  let x = 0;`,
        `  for (let i = 0; i < ${rounds}; i++) x = (x * 31 + i) % 1_000_003;`,
        `  return x;`,
        `}`,
        `export function endless(): number {`,
        `  for (;;);`,
        `}`,
        '',
      ].join('\n'),
    );
  });

  afterAll(() => {
    for (const rival of rivals) rival.kill('SIGKILL');
    rmSync(folder, { recursive: true, force: true });
  });

  test('correct code that needs a fifth of its limit finishes, though the clock passed the limit', async () => {
    const ended = await starvedSession('correct');
    // Without the wait given back, this session would have been stopped.
    expect(ended.wallMs, 'the sandbox was not kept waiting for a CPU').toBeGreaterThan(LIMIT_MS);
    expect(ended).toMatchObject({ timedOut: false, done: true });
    expect(ended.ended).toBeUndefined();
    expect(ended.countedMs).toBeLessThan(LIMIT_MS);
  });

  test('code that never ends is still stopped, by twice its limit at most', async () => {
    const ended = await starvedSession('endless');
    expect(ended).toMatchObject({ timedOut: true, done: false });
    expect(ended.wallMs).toBeGreaterThan(LIMIT_MS);
    // The session's own start and end add a little to the stop itself.
    expect(ended.wallMs).toBeLessThan(2 * LIMIT_MS + 1_000);
  });

  test('code that keeps its own threads busy to make itself wait buys no more than that (buy-time.ts)', async () => {
    copyFileSync(join(KIT_ROOT, 'tests', 'adversarial', 'time', 'buy-time.ts'), join(folder, 'buy-time.ts'));
    const ended = await starvedSession('SGD', 'buy-time.ts');
    expect(ended.done).toBe(false);
    // Stopped at its limit (or by the rlimit on CPU time, were its threads to use that much first), never later.
    expect(ended.timedOut || ended.ended !== undefined).toBe(true);
    expect(ended.wallMs).toBeLessThan(2 * LIMIT_MS + 1_000);
  });
});
