// The courses a maintainer's command acts on: those named (with --course NAME or by name alone, in any case), or
// every course when none is named. A name that is no course stops the command before it does anything.
import type { Course } from '../course/course-metadata.js';
import { UsageError } from './read-options.js';

export function selectCourses(all: Course[], named: string[]): Course[] {
  const wanted = named.map((name) => name.toLowerCase());
  const unknown = named.filter((name) => !all.some((c) => c.id.toLowerCase() === name.toLowerCase()));
  if (unknown.length > 0)
    throw new UsageError(`no course named ${unknown.join(', ')} (courses: ${all.map((c) => c.id).join(', ')})`);
  return wanted.length === 0 ? all : all.filter((c) => wanted.includes(c.id.toLowerCase()));
}
