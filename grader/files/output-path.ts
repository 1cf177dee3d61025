// Checks a command's --out before the work it will hold is done: a class's gradebook folder, a report's file, a
// release's folder. One that cannot be used is said in a line, with what to name instead, and nothing was done.
import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { whyUnusable } from './why-unusable.js';

export class OutputPathError extends Error {
  override name = 'OutputPathError';
}

function makeFolder(folder: string): NodeJS.ErrnoException | undefined {
  try {
    mkdirSync(folder, { recursive: true });
    accessSync(folder, constants.W_OK);
    return undefined;
  } catch (error) {
    return error as NodeJS.ErrnoException;
  }
}

const reason = (error: NodeJS.ErrnoException): string =>
  whyUnusable(error, { EEXIST: 'it is a file', ENOTDIR: 'it is inside a file' }) ?? error.message;

/** `folder`, made if missing; `shownAs` is how the user named it. */
export function outputFolder(folder: string, shownAs = folder): string {
  const error = makeFolder(folder);
  if (error)
    throw new OutputPathError(
      `--out ${shownAs}: ${reason(error)}. Name a folder you can write to (it is made if missing).`,
    );
  return folder;
}

/** `file`, its folder made if missing; `shownAs` is how the user named it. */
export function outputFile(file: string, shownAs = file): string {
  let isFolder = false;
  try {
    isFolder = statSync(file).isDirectory();
  } catch {
    // missing, or inside a file: said below, of its folder
  }
  if (isFolder)
    throw new OutputPathError(
      `--out ${shownAs}: it is a folder. Name the file to write (it is replaced if it exists).`,
    );
  const error = makeFolder(dirname(file));
  if (error)
    throw new OutputPathError(
      `--out ${shownAs}: its folder cannot be used: ${reason(error)}. Name a file in a folder you can write to.`,
    );
  return file;
}
