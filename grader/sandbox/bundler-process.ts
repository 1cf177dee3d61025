// Bundling runs in a process of its own, under a memory cap and a CPU-time limit the kernel enforces, each
// build under a wall-clock limit and one build at a time: a file that makes esbuild run out of memory, crash or
// spin fails its own submission only, and the next build gets a fresh process. (esbuild does not restart a service
// that died: in the grader's own process every later build would fail, in a class run every later submission.)
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import type { Socket } from 'node:net';
import { compiledScriptFile } from './compiled-script.js';
import { limitedCommand, ownGroupOptions, probeCapabilities, type Capabilities } from './isolation.js';
import type { ConfinedBuildRequest, ConfinedBuildResult } from './confined-build.js';

/** Honest builds take tens of milliseconds; esbuild on a pathological file takes seconds to minutes. */
export const BUILD_TIME_LIMIT_MS = 5_000;
/**
 * Data memory (heap, stacks) for the bundler process and for esbuild's service, each: honest builds use under
 * 100 MB. The data limit rather than the address-space one, which Node.js's and Go's reservations would fill at start.
 * Node.js 24 counts about 600 MB against it before running a line (its code range), so 512 MB would not start it.
 */
const MEMORY_LIMIT_KB = 1024 * 1024;
/** CPU seconds over a bundler process's life: stops an esbuild left spinning by a grader that was killed. */
const CPU_SECONDS_LIMIT = 60;
const START_TIME_LIMIT_MS = 30_000;

interface Bundler {
  send(request: ConfinedBuildRequest): void;
  /** The next line the process writes. */
  nextLine(): Promise<string>;
  /** Settles when the process has ended, for whatever reason. */
  exited: Promise<void>;
  /** What it wrote to stderr last, to explain a process that would not start. */
  stderrTail(): string;
  /** Keeps the grading process alive while a build is pending, and lets it end while the bundler is idle. */
  hold(): void;
  release(): void;
  /** Ends the process and esbuild's service with it (they share a process group). */
  kill(): void;
}

function startBundler(scriptPath: string, caps: Capabilities): Bundler {
  const esbuildPath = createRequire(import.meta.url).resolve('esbuild');
  const env = process.env.ESBUILD_BINARY_PATH ? { ESBUILD_BINARY_PATH: process.env.ESBUILD_BINARY_PATH } : {};
  const { command, args } = limitedCommand(
    caps,
    { cpuSeconds: CPU_SECONDS_LIMIT, dataBytes: MEMORY_LIMIT_KB * 1024 },
    process.execPath,
    ['--max-old-space-size=256', scriptPath, esbuildPath],
  );
  const child: ChildProcess = spawn(command, args, {
    stdio: ['pipe', 'pipe', 'pipe'],
    ...ownGroupOptions(),
    env,
  });
  const exited = new Promise<void>((resolve) => {
    child.on('exit', () => resolve());
    child.on('error', () => resolve());
  });
  const streams = [child.stdin, child.stdout, child.stderr] as unknown as Socket[];
  child.stdin!.on('error', () => {}); // the process may die before reading a request

  let stderr = '';
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-2000)));
  let pending = '';
  const lines: string[] = [];
  const readers: Array<(line: string) => void> = [];
  child.stdout!.setEncoding('utf8');
  child.stdout!.on('data', (chunk: string) => {
    pending += chunk;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      const reader = readers.shift();
      if (reader) reader(line);
      else lines.push(line);
    }
  });

  let holds = 0;
  const setRef = (on: boolean) => {
    for (const handle of [child, ...streams]) {
      if (on) handle.ref();
      else handle.unref();
    }
  };
  setRef(false);
  return {
    send: (request) => child.stdin!.write(`${JSON.stringify(request)}\n`),
    nextLine: () => new Promise((resolve) => (lines.length > 0 ? resolve(lines.shift()!) : readers.push(resolve))),
    exited,
    stderrTail: () => stderr.trim(),
    hold() {
      if (holds++ === 0) setRef(true);
    },
    release() {
      if (--holds === 0) setRef(false);
    },
    kill() {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    },
  };
}

/** Resolves with `value` after `ms`; the timer keeps the grading process alive meanwhile. */
function after<T>(ms: number, value: T): { promise: Promise<T>; cancel(): void } {
  let timer: NodeJS.Timeout | undefined;
  const promise = new Promise<T>((resolve) => (timer = setTimeout(() => resolve(value), ms)));
  return { promise, cancel: () => clearTimeout(timer) };
}

let current: Bundler | undefined;

/** The bundler process, started and ready; a grader-side Error if it cannot start (no learner file's fault). */
async function runningBundler(): Promise<Bundler> {
  if (current) return current;
  const bundler = startBundler(await compiledScriptFile('bundler-main.ts'), await probeCapabilities());
  bundler.hold();
  const limit = after(START_TIME_LIMIT_MS, 'too slow' as const);
  try {
    const started = await Promise.race([
      bundler.nextLine().then(() => 'ready' as const),
      bundler.exited.then(() => 'ended' as const),
      limit.promise,
    ]);
    if (started !== 'ready') {
      bundler.kill();
      throw new Error(
        `the grader's bundler process ${started === 'ended' ? 'ended' : 'did not answer'} as it started: ${bundler.stderrTail() || 'no message'}`,
      );
    }
  } finally {
    limit.cancel();
    bundler.release();
  }
  current = bundler;
  void bundler.exited.then(() => {
    if (current === bundler) current = undefined;
  });
  return bundler;
}

type Attempt = { kind: 'answered'; result: ConfinedBuildResult } | { kind: 'died' } | { kind: 'timed-out' };

async function attempt(request: ConfinedBuildRequest): Promise<Attempt> {
  const bundler = await runningBundler();
  bundler.hold();
  const limit = after(BUILD_TIME_LIMIT_MS, { kind: 'timed-out' } as const);
  try {
    const answer = bundler.nextLine();
    bundler.send(request);
    const outcome = await Promise.race([
      answer.then((line): Attempt => ({ kind: 'answered', result: JSON.parse(line) as ConfinedBuildResult })),
      bundler.exited.then((): Attempt => ({ kind: 'died' })),
      limit.promise,
    ]);
    if (outcome.kind !== 'answered') {
      bundler.kill();
      if (current === bundler) current = undefined;
    }
    return outcome;
  } finally {
    limit.cancel();
    bundler.release();
  }
}

/** Builds that died are tried once more in a fresh process: only the file that kills that one too is to blame. */
async function bundleNow(request: ConfinedBuildRequest): Promise<ConfinedBuildResult> {
  const shown = `${request.shownAs}/${request.file}`;
  const advice =
    'esbuild, not your code, was running: look for an enormous or deeply nested expression or statement and split it into named parts';
  for (let tries = 1; ; tries++) {
    const outcome = await attempt(request);
    if (outcome.kind === 'answered') return outcome.result;
    if (outcome.kind === 'timed-out')
      return { problem: `${shown} took longer than ${BUILD_TIME_LIMIT_MS / 1000} s to bundle (${advice})` };
    if (tries === 2) return { problem: `${shown} made the bundler run out of memory or crash (${advice})` };
  }
}

let queue: Promise<unknown> = Promise.resolve();

/** Starts the bundler process ahead of the first build (it boots while vitest starts); failures wait for that build. */
export function prewarmBundler(): void {
  runningBundler().catch(() => {});
}

/** Bundles in the bundler process, one build at a time, so that a build that brings it down is the one to blame. */
export function bundleConfined(request: ConfinedBuildRequest): Promise<ConfinedBuildResult> {
  const turn = queue.then(() => bundleNow(request));
  queue = turn.catch(() => undefined);
  return turn;
}
