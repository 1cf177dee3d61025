// Finds the exercise a command line names: `<course>/<id>`, or `<id>` alone where no other course has one like
// it, in any case. An unknown or ambiguous name is an error that lists what to type instead.
import { closestName } from './closest-name.js';
import { qualifiedId, type Exercise } from './course-metadata.js';

export class ExerciseNameError extends Error {
  override name = 'ExerciseNameError';
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** The shortest name that finds `exercise` among `all`: its id where no other course uses it, else course/id. */
export function shortName(exercise: Exercise, all: readonly Exercise[]): string {
  const shared = all.some((e) => e.course !== exercise.course && sameId(e.id, exercise.id));
  return shared ? qualifiedId(exercise) : exercise.id;
}

/** A near name, to suggest for a typo: one within two edits of it, else one with the same first three letters. */
function suggestion(name: string, all: readonly Exercise[]): string {
  const id = (name.split('/').pop() ?? name).toLowerCase();
  const closest = closestName(
    id,
    all.map((e) => e.id),
  );
  const near =
    all.find((e) => e.id === closest) ??
    all.find((e) => e.id.startsWith(id.slice(0, 3)) || id.startsWith(e.id.slice(0, 3)));
  return near ? ` (did you mean ${shortName(near, all)}?)` : '';
}

/** Every exercise's name as a learner types it, for messages. */
export const exerciseNames = (all: readonly Exercise[]): string => all.map((e) => shortName(e, all)).join(', ');

/** A command's usage followed by the exercises it takes, for `--help` and a command line it cannot follow. */
export const usageWithExercises = (usage: string, all: readonly Exercise[]): string =>
  `${usage}\nexercises: ${exerciseNames(all)}`;

export function findExercise(all: readonly Exercise[], name: string): Exercise {
  const wanted = name.trim();
  const matches = all.filter((e) => (wanted.includes('/') ? sameId(qualifiedId(e), wanted) : sameId(e.id, wanted)));
  if (matches.length === 1) return matches[0]!;
  if (matches.length > 1)
    throw new ExerciseNameError(
      `${name} is an exercise of ${matches.length} courses; say which: ${matches.map(qualifiedId).join(' or ')}`,
    );
  throw new ExerciseNameError(`no exercise named ${name}${suggestion(wanted, all)}; exercises: ${exerciseNames(all)}`);
}
