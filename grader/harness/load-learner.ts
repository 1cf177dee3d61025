// Where the learner's files are (`--target`, default exercises/), and the instructor's reference, where present.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the folder holding the learner's course folders. */
    gradeTarget: string;
    /** The socket of the grading process's sandbox broker, when there is one. */
    sandboxBroker?: string;
  }
}

export function gradeTarget(): string {
  return inject('gradeTarget') ?? resolve(import.meta.dirname, '..', '..', 'exercises');
}

/** Where a learner file lives, as the learner would name it (relative to the kit when inside it). */
export function learnerPath(course: string, file: string): string {
  const full = join(gradeTarget(), course, file);
  const fromKit = relative(resolve(import.meta.dirname, '..', '..'), full);
  return fromKit.startsWith('..') ? full : fromKit;
}

/**
 * The instructor's reference export from solutions/, or undefined where solutions/ is absent (a student kit).
 * Only for checks that must not trust the learner's code; never shipped with a kit.
 */
export async function loadReferenceExport<T>(course: string, file: string, name: string): Promise<T | undefined> {
  const full = join(resolve(import.meta.dirname, '..', '..'), 'solutions', course, file);
  if (!existsSync(full)) return undefined;
  const module = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
  return module[name] as T;
}
