// The command that brings back a learner file's starting version, with the name of the exercise the file belongs
// to as the learner types it, rather than a placeholder they must work out.
import { resolve } from 'node:path';
import { loadCourses, type Exercise } from './course-metadata.js';
import { shortName } from './find-exercise.js';

const KIT_ROOT = resolve(import.meta.dirname, '..', '..');
let exercises: Exercise[] | undefined;

/** For a file no exercise owns (a shared helper), or where the metadata cannot be read, the general form. */
export function resetCommand(course: string, file: string): string {
  try {
    exercises ??= loadCourses(KIT_ROOT).flatMap((c) => c.exercises);
  } catch {
    return '`npm run reset <exercise>`';
  }
  const owner = exercises.find((e) => e.course === course && e.files.includes(file));
  return `\`npm run reset ${owner ? shortName(owner, exercises) : '<exercise>'}\``;
}
