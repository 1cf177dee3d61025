// The courses a maintainer's command acts on: those named (with --course NAME or by name alone, in any case), or
// every course when none is named. A name that is no course stops the command before it does anything.
import type { Course } from '../course/course-metadata.js';
import { UsageError } from './read-options.js';

/** The course whose id `name` is, in any case; undefined where none is. */
export function courseNamed(all: readonly Course[], name: string): Course | undefined {
  return all.find((c) => c.id.toLowerCase() === name.toLowerCase());
}

export function selectCourses(all: Course[], named: string[]): Course[] {
  const unknown = named.filter((name) => !courseNamed(all, name));
  if (unknown.length > 0)
    throw new UsageError(`no course named ${unknown.join(', ')} (courses: ${all.map((c) => c.id).join(', ')})`);
  const chosen = new Set(named.map((name) => courseNamed(all, name)));
  return named.length === 0 ? all : all.filter((c) => chosen.has(c));
}
