// A grade stopped as people stop one: Ctrl-C (SIGINT), a closed terminal (SIGHUP) or `kill` (SIGTERM), in the middle
// of a learner's run, in watch mode and in a class's run. The grader exits with the shell's code for that signal and
// leaves nothing behind: no folder in the temporary folder (the sandboxes' runners, staged copies of learner code, a
// class's submissions) and no process. Each grader gets a temporary folder of its own (TMPDIR) to look in.
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { KIT_ROOT, LAUNCH } from './kit-sandbox.js';
import { leftBehindUnder } from './left-behind.js';

const EXIT_CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof EXIT_CODES;

const until = async (what: string, done: () => boolean): Promise<void> => {
  for (let i = 0; i < 600 && !done(); i++) await new Promise((r) => setTimeout(r, 50));
  expect(done(), `waited 30 s for ${what}`).toBe(true);
};

/**
 * Starts `npm run grade -- …args` with a temporary folder of its own, sends `signal` once `ready` holds (given the
 * folder's entries and the output so far), and returns the exit code and what is left in the folder.
 */
async function interrupt(
  args: string[],
  signal: Signal,
  ready: (entries: string[], output: string) => boolean,
): Promise<{ code: number | null; left: string[]; running: string[] }> {
  // Sandboxes run as a user of their own: they must be able to reach their folder inside this one.
  const temp = mkdtempSync(join(tmpdir(), 'interrupted-grade-'));
  chmodSync(temp, 0o711);
  const grader = spawn(process.execPath, [LAUNCH, 'grader/cli/grade.ts', ...args], {
    cwd: KIT_ROOT,
    env: { ...process.env, TMPDIR: temp, NO_COLOR: '1' },
  });
  let output = '';
  grader.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  grader.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => grader.on('exit', (code) => resolve(code)));
  try {
    await until(`the grader to get going (${args.join(' ')})`, () => ready(readdirSync(temp), output));
    grader.kill(signal);
    const code = await exited;
    // The sandboxes end with the grader (their parent-death signal).
    return { code, left: readdirSync(temp), running: await leftBehindUnder(temp) };
  } finally {
    grader.kill('SIGKILL');
    await leftBehindUnder(temp);
    rmSync(temp, { recursive: true, force: true });
  }
}

const sandboxRunning = (entries: string[]) => entries.some((name) => name.startsWith('grade-sandbox-'));

test.concurrent.each(Object.keys(EXIT_CODES) as Signal[])(
  'a grade stopped by %s while its sandboxes run exits 128 + the signal, leaving no folder and no process',
  async (signal) => {
    const { code, left, running } = await interrupt(['--target', 'solutions'], signal, sandboxRunning);
    expect(code).toBe(EXIT_CODES[signal]);
    expect(left).toEqual([]);
    expect(running).toEqual([]);
  },
  60_000,
);

test('watch mode stopped with Ctrl-C leaves no folder (its sandbox kept booted for the next save included)', async () => {
  const { code, left, running } = await interrupt(['--watch', '--target', 'solutions'], 'SIGINT', (_, output) =>
    output.includes('graded everything'),
  );
  expect(code).toBe(EXIT_CODES.SIGINT);
  expect(left).toEqual([]);
  expect(running).toEqual([]);
}, 60_000);

test("a class's run stopped with kill leaves no copy of any submission behind", async () => {
  const work = mkdtempSync(join(tmpdir(), 'interrupted-class-'));
  try {
    const submissions = join(work, 'submissions');
    for (const student of ['ada', 'grace']) {
      mkdirSync(join(submissions, student), { recursive: true });
      cpSync(join(KIT_ROOT, 'solutions'), join(submissions, student), { recursive: true });
    }
    const { code, left, running } = await interrupt(
      ['--submissions', submissions, '--out', join(work, 'out')],
      'SIGTERM',
      (entries) => entries.some((name) => name.startsWith('grade-class-')) && sandboxRunning(entries),
    );
    expect(code).toBe(EXIT_CODES.SIGTERM);
    expect(left).toEqual([]);
    expect(running).toEqual([]);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}, 60_000);
