// Builds that several test files need, made once per test run however many files ask for them, in whichever of
// vitest's processes those run: the first to ask builds, the others wait for its result (or its error).
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { inject } from 'vitest';
import { writeAtomically } from '../grader/files/write-atomically.js';

/** How often a waiting process looks for the result: a build takes seconds. */
const POLL_MS = 250;

const asked = new Map<string, Promise<unknown>>();

/**
 * What `build(dir)` gave for `key`, built into `dir` (an empty folder, removed after the run) at most once per test
 * run. The result travels between processes as JSON, so it must be plain data.
 */
export function sharedBuild<T>(key: string, build: (dir: string) => Promise<T>): Promise<T> {
  if (!/^[\w-]+$/.test(key)) throw new Error(`a shared build's key names its files: ${JSON.stringify(key)} cannot`);
  let result = asked.get(key) as Promise<T> | undefined;
  if (!result) asked.set(key, (result = buildOrWait(key, build)));
  return result;
}

function runFolder(): string {
  const folder = inject('sharedBuildsDir');
  if (!folder)
    throw new Error(
      'no folder for shared builds: run vitest with --config tests/vitest.config.ts, whose globalSetup makes it',
    );
  return folder;
}

async function buildOrWait<T>(key: string, build: (dir: string) => Promise<T>): Promise<T> {
  const dir = join(runFolder(), key);
  // mkdir either creates the folder or fails, in one step: exactly one process, the builder, gets the lock.
  try {
    mkdirSync(`${dir}.lock`);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return waitFor<T>(key, dir);
    throw error;
  }
  writeAtomically(join(`${dir}.lock`, 'pid'), String(process.pid));
  try {
    mkdirSync(dir);
    const result = await build(dir);
    writeAtomically(`${dir}.json`, JSON.stringify(result));
    return result;
  } catch (error) {
    writeAtomically(`${dir}.error`, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

function read(file: string): string | undefined {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitFor<T>(key: string, dir: string): Promise<T> {
  for (;;) {
    // Looked at before the results: a builder that was gone by then had written whatever it was going to write.
    const pid = read(join(`${dir}.lock`, 'pid'));
    const builderGone = pid !== undefined && !alive(Number(pid));
    const result = read(`${dir}.json`);
    if (result !== undefined) return JSON.parse(result) as T;
    const error = read(`${dir}.error`);
    if (error !== undefined) throw new Error(`the shared build ${key}, made by another test file, failed: ${error}`);
    if (builderGone) throw new Error(`the process building ${key} (pid ${pid}) ended before the build did`);
    await sleep(POLL_MS);
  }
}
