// The learner folders a grading run covers (one for `npm run grade`, one per submission for a whole class),
// how each suite defines its tests once per folder, and the instructor's reference where it exists.
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, inject } from 'vitest';

export interface GradeTarget {
  /** "" for a single target; the submission's name in a batch. */
  id: string;
  /** Absolute path of the folder holding the learner's course folders. */
  dir: string;
  /** How to name that folder in messages (e.g. "exercises"). */
  shownAs: string;
  /** The files came from an upload (Gradescope, or a submission of a class): messages name them by file and say to upload them. */
  upload?: boolean;
  /**
   * Learner files that were there but not taken (a link, a special file, too large), by path below `dir`
   * (`<course>/<file>`), with what to tell the learner: their verdict says so, rather than that they are missing.
   */
  refused?: Record<string, string>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    gradeTargets: GradeTarget[];
    /** The channel of the grading process's sandbox broker, when there is one. */
    sandboxBroker?: string;
  }
}

const KIT_ROOT = resolve(import.meta.dirname, '..', '..');

export function gradeTargets(): GradeTarget[] {
  return inject('gradeTargets') ?? [{ id: '', dir: join(KIT_ROOT, 'exercises'), shownAs: 'exercises' }];
}

/** Defines a suite's tests for every target: directly for a single one, in a describe block per submission. */
export function forEachTarget(body: (target: GradeTarget) => void): void {
  for (const target of gradeTargets()) {
    if (target.id === '') body(target);
    else describe(target.id, () => body(target));
  }
}

/**
 * The instructor's reference export from solutions/, or undefined where solutions/ is absent (a student kit).
 * Only for checks that must not trust the learner's code; never shipped with a kit.
 */
export async function loadReferenceExport<T>(course: string, file: string, name: string): Promise<T | undefined> {
  return importIfThere<T>(join(KIT_ROOT, 'solutions', course, file), name);
}

/** An export of a module of the course's hidden folder (grader/<course>/hidden/, never in a student kit), if there. */
export async function loadHiddenExport<T>(course: string, file: string, name: string): Promise<T | undefined> {
  return importIfThere<T>(join(KIT_ROOT, 'grader', course, 'hidden', file), name);
}

async function importIfThere<T>(full: string, name: string): Promise<T | undefined> {
  if (!existsSync(full)) return undefined;
  const module = (await import(/* @vite-ignore */ full)) as Record<string, unknown>;
  return module[name] as T;
}
