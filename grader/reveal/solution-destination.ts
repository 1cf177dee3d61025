// Where `npm run reveal` puts an official solution (.grade/solutions/<course>/<file>), and what it says when a part
// of that path is a link or not a real folder or file: writing through it could overwrite the learner's own work.
import { readlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeAtomically, type UnsafePathError } from '../files/write-atomically.js';

/** The official copy of one of an exercise's files, relative to the kit's root. */
export const officialPath = (course: string, file: string): string => join('.grade', 'solutions', course, file);

/** Writes one official file below root, creating folders, never through a link; throws UnsafePathError if it must not. */
export function writeOfficial(root: string, path: string, text: string): void {
  writeAtomically(join(root, path), text, { within: root });
}

/** What the learner reads: which part is wrong, that their files are untouched, and how to clear the way. */
export function refusal(
  root: string,
  problem: UnsafePathError,
  exercise: string,
  written: readonly string[] = [],
): string {
  const part = relative(root, problem.path);
  let what: string;
  let remedy: string;
  if (problem.found === 'symbolic link') {
    let target = '';
    try {
      target = ` (to ${readlinkSync(problem.path)})`;
    } catch {
      // gone meanwhile: the name is enough
    }
    what = `${part} is a symbolic link${target}, and writing the official solution through it could overwrite your own files`;
    remedy = `Remove the link: \`rm ${part}\` removes only the link, not what it points to.`;
  } else {
    what = `${part} is a ${problem.found} where ${problem.expected === 'file' ? 'the official solution file' : 'a folder'} should be`;
    remedy = `Move it out of the way, e.g. \`mv ${part} ${part}.old\`.`;
  }
  const done = written.length === 0 ? 'Nothing was written' : `Only ${written.join(', ')} was written`;
  return `Cannot reveal ${exercise}: ${what}. ${done}, and your files were not changed.\n${remedy} Then run \`npm run reveal ${exercise}\` again.`;
}
