// How long a session's learner code may run: the limit of the exercise whose files the session loads first (each
// suite loads its own exercise's file first), from the course's info.toml, read once per course.
import { join } from 'node:path';
import { loadCourse, type Course } from '../course/course-metadata.js';
import { TIME_LIMIT_SECONDS } from './limits.js';

const root = join(import.meta.dirname, '..', '..');
const courses = new Map<string, Course>();

/** In seconds; TIME_LIMIT_SECONDS for a file no exercise of the course owns. */
export function sessionTimeLimit(course: string, firstFile: string | undefined): number {
  let loaded = courses.get(course);
  if (!loaded) {
    loaded = loadCourse(root, course);
    courses.set(course, loaded);
  }
  return (
    loaded.exercises.find((e) => firstFile !== undefined && e.files.includes(firstFile))?.timeLimitSeconds ??
    TIME_LIMIT_SECONDS
  );
}
