// Where a kit keeps each learner file as it started (the release copies the stubs there), so that `npm run reset`
// and the site's "Your starting code" show the start, never the learner's current file.
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The kit's copy of a learner file as it started, relative to the kit's root. */
export const pristinePath = (course: string, file: string): string => join('grader', 'pristine', course, file);

/**
 * The starting version of a learner file, relative to the root: the kit's pristine copy, or in the instructor's
 * repository (which has none) the generated stub in exercises/.
 */
export function startingFile(root: string, course: string, file: string): string {
  const pristine = pristinePath(course, file);
  return existsSync(join(root, pristine)) ? pristine : join('exercises', course, file);
}
