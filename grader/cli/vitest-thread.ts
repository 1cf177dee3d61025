// One of vitest's test worker threads, started as vitest's own threads pool starts one (its entry point,
// environment and flags), but possibly before vitest's Node API has loaded: the grader starts its two threads
// first, so that they load vitest's runtime on the other core while this one loads the Node API (~200 ms).
import { dirname, join } from 'node:path';
import { isatty } from 'node:tty';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { PoolOptions } from 'vitest/node';

/** What vitest starts a thread with: a thread started with anything else is never handed to it. */
export interface ThreadSettings {
  entry: string;
  env: Partial<NodeJS.ProcessEnv>;
  execArgv: string[];
}

export const settingsFor = (options: PoolOptions): ThreadSettings => ({
  entry: join(options.distPath, 'workers', 'threads.js'),
  env: options.env,
  execArgv: options.execArgv,
});

/**
 * What vitest 4's threads pool would pass, for a run (not watch) of the grader's configuration; checked against
 * the real settings before a thread is used (see takeEarlyThread), so a newer vitest costs speed, never correctness.
 */
function expectedSettings(): ThreadSettings {
  const dist = dirname(fileURLToPath(import.meta.resolve('vitest/node')));
  return {
    entry: join(dist, 'workers', 'threads.js'),
    env: {
      ...process.env,
      TEST: 'true',
      VITEST: 'true',
      // Vite sets NODE_ENV, when unset, before vitest reads it.
      NODE_ENV: process.env.NODE_ENV || 'development',
      VITEST_MODE: 'RUN',
      FORCE_TTY: isatty(1) ? 'true' : '',
      // import.meta.env of Vite's "test" mode, which vitest passes on as environment variables.
      BASE_URL: '/',
      MODE: 'test',
      DEV: '1',
      PROD: '',
    },
    execArgv: [
      '--experimental-import-meta-resolve',
      '--require',
      join(dist, '..', 'suppress-warnings.cjs'),
      '--conditions',
      'node',
      '--conditions',
      'development',
    ],
  };
}

export class VitestThread {
  readonly worker: Worker;
  private piped = false;

  constructor(readonly settings: ThreadSettings) {
    this.worker = new Worker(settings.entry, {
      env: settings.env,
      execArgv: settings.execArgv,
      stdout: true,
      stderr: true,
    });
  }

  /** Sends what the thread prints where vitest's own threads send it (its logger's streams), once. */
  pipeOutput(options: PoolOptions): void {
    if (this.piped) return;
    this.piped = true;
    this.worker.stdout.pipe(options.project.vitest.logger.outputStream);
    this.worker.stderr.pipe(options.project.vitest.logger.errorStream);
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

const early: VitestThread[] = [];
let startedEarly = 0;
let takenEarly = 0;

/** Starts `count` threads before vitest loads; they hold nothing open until vitest takes them. */
export function startThreadsEarly(count: number): void {
  const settings = expectedSettings();
  for (let i = 0; i < count; i++) {
    const thread = new VitestThread(settings);
    thread.worker.unref();
    early.push(thread);
    startedEarly++;
  }
}

/** An early thread started with exactly `settings`, or none (and then none of them is any use: they end). */
export function takeEarlyThread(settings: ThreadSettings): VitestThread | undefined {
  const index = early.findIndex((thread) => isDeepStrictEqual(thread.settings, settings));
  if (index === -1) {
    void endEarlyThreads();
    return undefined;
  }
  const [thread] = early.splice(index, 1);
  thread!.worker.ref();
  takenEarly++;
  return thread;
}

export async function endEarlyThreads(): Promise<void> {
  await Promise.all(early.splice(0).map((thread) => thread.stop()));
}

/** For --timings: how many threads were started early, and how many vitest could use. */
export const earlyThreadCounts = () => ({ started: startedEarly, taken: takenEarly });
