// Checks a command's --out before the work it will hold is done (a class's gradebook folder, a report's file, a
// release's folder), without making anything: a command that then stops for another reason leaves no trace. One
// that cannot be used is said in a line, with what to name instead.
import { accessSync, constants, lstatSync, readdirSync, statSync, type Stats } from 'node:fs';
import { dirname } from 'node:path';
import { whyUnusable } from './why-unusable.js';

export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

/** What is at `path`: undefined where nothing is (also below a file, where nothing can be). */
function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** Why `folder` could not be made (or written in, where it exists), or undefined when it can. */
function folderProblem(folder: string): string | undefined {
  try {
    // The nearest part of the path that exists decides: a folder one may write in, or not.
    let existing = folder;
    let stats = statOf(existing);
    while (!stats && dirname(existing) !== existing) stats = statOf((existing = dirname(existing)));
    if (stats && !stats.isDirectory()) return existing === folder ? 'it is a file' : 'it is inside a file';
    accessSync(existing, constants.W_OK);
    return undefined;
  } catch (error) {
    return whyUnusable(error) ?? (error as Error).message;
  }
}

/** `folder`, where it is or can be made a folder one may write in; `shownAs` is how the user named it. */
export function outputFolder(folder: string, shownAs = folder): string {
  const problem = folderProblem(folder);
  if (problem)
    throw new OutputPathError(`--out ${shownAs}: ${problem}. Name a folder you can write to (it is made if missing).`);
  return folder;
}

/** `file`, where it can be written (its folder made if missing); `shownAs` is how the user named it. */
export function outputFile(file: string, shownAs = file): string {
  if (statOf(file)?.isDirectory() === true)
    throw new OutputPathError(
      `--out ${shownAs}: it is a folder. Name the file to write (it is replaced if it exists).`,
    );
  const problem = folderProblem(dirname(file));
  if (problem)
    throw new OutputPathError(
      `--out ${shownAs}: its folder cannot be used: ${problem}. Name a file in a folder you can write to.`,
    );
  return file;
}

/**
 * What `folder` holds that a command writing all of it (emptying it, or naming files after its input) could destroy,
 * shown as "a, b, c and 2 more"; undefined where it is missing, not a folder, empty, or `own` knows it as the
 * command's own output from an earlier run.
 */
export function foreignContents(folder: string, own: (held: string[]) => boolean): string | undefined {
  if (lstatSync(folder, { throwIfNoEntry: false })?.isDirectory() !== true) return undefined;
  const held = readdirSync(folder).sort();
  if (held.length === 0 || own(held)) return undefined;
  return held.slice(0, 3).join(', ') + (held.length > 3 ? ` and ${held.length - 3} more` : '');
}
