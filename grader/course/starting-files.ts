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
 * kit's pristine folder; or in the instructor's repository (which has none) the files of exercises/<course>/ that
 * solutions/<course>/ mirrors (the stub generator writes one from the other), so that a learner's file of their own
 * beside them is not a kit file there either.
 */
export function kitCourseFiles(root: string, course: string): Map<string, string> {
  const pristine = join(root, 'grader', 'pristine', course);
  const exercises = join(root, 'exercises', course);
  const solutions = join(root, 'solutions', course);
  const files = new Map<string, string>();
  if (existsSync(pristine)) {
    for (const name of filesBelow(pristine)) files.set(name, join(pristine, name));
  } else if (existsSync(solutions)) {
    for (const name of filesBelow(solutions))
      if (existsSync(join(exercises, name))) files.set(name, join(exercises, name));
  } else if (existsSync(exercises)) {
    for (const name of filesBelow(exercises)) files.set(name, join(exercises, name));
  }
  return files;
}

/** The regular files below `folder`, by path inside it. */
function filesBelow(folder: string): string[] {
  return readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(folder.length + 1));
}
