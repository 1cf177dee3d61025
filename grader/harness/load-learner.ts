// Imports a learner's file from the folder being graded (`--target`, default exercises/) and checks its exports.
import { existsSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { inject } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the folder holding the learner's course folders. */
    gradeTarget: string;
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

export async function loadLearnerExport<T>(course: string, file: string, name: string, kind: 'class' | 'function'): Promise<T> {
  const full = join(gradeTarget(), course, file);
  const shown = learnerPath(course, file);
  if (!existsSync(full)) throw new Error(`${shown} is missing: restore it (git checkout ${shown}) or create it`);
  let module: Record<string, unknown>;
  try {
    module = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
  } catch (error) {
    throw new Error(`${shown} could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
  }
  const value = module[name];
  if (typeof value !== 'function') {
    throw new Error(`${shown} must export ${kind === 'class' ? 'a class' : 'a function'} named ${name} (found ${value === undefined ? 'no such export' : typeof value})`);
  }
  return value as T;
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
