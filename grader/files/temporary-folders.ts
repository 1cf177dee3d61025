// The folders a command works in and removes when it is done with them. One still there when the process exits
// (an error on the way out, or Ctrl-C: see grader/cli/exit-on-signal.ts) is removed then, so that an interrupted
// grade leaves no copy of anyone's code, and no stub or solution, in the system's temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { whyUnusable } from './why-unusable.js';

/** No folder could be made in the system's temporary folder: the machine's set-up, said with what to change. */
export class TemporaryFolderError extends Error {
  override name = 'TemporaryFolderError';
}

function temporaryFolderError(parent: string, error: unknown): unknown {
  const why = whyUnusable(error, { ENOTDIR: 'it is not a folder' });
  if (!why) return error;
  const source = process.env.TMPDIR ? ' (set by TMPDIR)' : '';
  return new TemporaryFolderError(
    `cannot make a working folder in ${parent}${source}: ${why}. Point TMPDIR at a folder you can ` +
      'write to (or unset it, for the system’s own), then run the command again.',
    { cause: error },
  );
}

const open = new Set<string>();

process.on('exit', () => {
  for (const folder of open) rmSync(folder, { recursive: true, force: true });
});

/** `folder` (made by the caller) is removed at exit unless removeFolder() removed it first; returns it. */
export function removeAtExit(folder: string): string {
  open.add(folder);
  return folder;
}

/** A new, empty folder in the system's temporary folder, its name starting with `prefix`, removed at exit. */
export function makeTemporaryFolder(prefix: string): string {
  const parent = tmpdir();
  try {
    return removeAtExit(mkdtempSync(join(parent, prefix)));
  } catch (error) {
    throw temporaryFolderError(parent, error);
  }
}

export async function makeTemporaryFolderAsync(prefix: string): Promise<string> {
  const parent = tmpdir();
  try {
    return removeAtExit(await mkdtemp(join(parent, prefix)));
  } catch (error) {
    throw temporaryFolderError(parent, error);
  }
}

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  open.delete(folder);
}

export async function removeFolderAsync(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  open.delete(folder);
}
