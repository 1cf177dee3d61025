// Saves the learner's progress under .grade/ (last report, records, hints seen): grading and hints go on when a
// file there cannot be written, and the learner gets one line that names it and says what to do.
import { join, relative } from 'node:path';
import { UnsafePathError, writeAtomically } from './write-atomically.js';
import { whyUnusable } from './why-unusable.js';

/** Why writing failed, in a few words: the file system's reason where it is a known one. */
function reason(root: string, error: unknown): string {
  if (error instanceof UnsafePathError)
    return `${relative(root, error.path)} is a ${error.found}, where a ${error.expected} should be`;
  return (
    whyUnusable(error, {
      EISDIR: 'a folder is in its place',
      ENOTDIR: 'a file is in the place of one of its folders',
      EEXIST: 'a file is in the place of one of its folders',
    }) ?? (error instanceof Error ? error.message.split('\n')[0]! : String(error))
  );
}

/**
 * Writes `text` to `file` (relative to the kit's `root`), whole or not at all and never through a link; returns
 * undefined, or a note for the learner when it could not.
 */
export function saveState(root: string, file: string, text: string): string | undefined {
  try {
    writeAtomically(join(root, file), text, { within: root });
    return undefined;
  } catch (error) {
    return `your progress was not saved to ${file}: ${reason(root, error)}. Remove what is in the way (or make .grade/ writable); it is saved on the next run.`;
  }
}
