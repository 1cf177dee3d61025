// Where a kit keeps each file of a course's exercise folder as it started (the release copies them there), so that
// `npm run reset` and the site's "Your starting code" show the start, never the learner's current file, and grading
// takes the kit's own copy of every file a learner does not own, whatever the learner's folder holds.
import { existsSync, readdirSync } from 'node:fs';
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

/**
 * Every file of a course's exercise folder as the kit has it, by path inside the folder, with where its copy is: the
 * kit's pristine folder, or in the instructor's repository (which has none) exercises/<course>/ itself, which the
 * stub generator writes and checks. A file a learner adds beside them is not among them.
 */
export function kitCourseFiles(root: string, course: string): Map<string, string> {
  const pristine = join(root, 'grader', 'pristine', course);
  const folder = existsSync(pristine) ? pristine : join(root, 'exercises', course);
  const files = new Map<string, string>();
  if (!existsSync(folder)) return files;
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(path.slice(folder.length + 1), path);
  }
  return files;
}
