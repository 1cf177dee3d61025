// The folders a command works in and removes when it is done with them. One still there when the process exits
// (an error on the way out, or Ctrl-C: see grader/cli/exit-on-signal.ts) is removed then, so that an interrupted
// grade leaves no copy of anyone's code, and no stub or solution, in the system's temporary folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

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
export const makeTemporaryFolder = (prefix: string): string => removeAtExit(mkdtempSync(join(tmpdir(), prefix)));

export function removeFolder(folder: string): void {
  rmSync(folder, { recursive: true, force: true });
  open.delete(folder);
}

export async function removeFolderAsync(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  open.delete(folder);
}
