// Puts the release's outputs into its output folder, each replacing the one there whole. Each is copied into a
// folder beside them first, then renamed into its place: the work folder is often on another file system (/tmp as
// tmpfs), which a rename cannot cross, and a release that fails or is stopped must not leave half a kit where the
// last whole one was.
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { removeAtExit, removeFolder } from '../../grader/files/temporary-folders.js';

export interface Output {
  /** The file or folder made in the work folder. */
  from: string;
  /** Its name in the output folder. */
  name: string;
}

export function replaceOutputs(out: string, outputs: Output[]): void {
  mkdirSync(out, { recursive: true });
  const incoming = removeAtExit(mkdtempSync(join(out, '.release-')));
  try {
    for (const { from, name } of outputs) cpSync(from, join(incoming, name), { recursive: true });
    for (const { name } of outputs) {
      // The old one leaves with the incoming folder; only between these two renames is neither there.
      if (existsSync(join(out, name))) renameSync(join(out, name), join(incoming, `${name}.old`));
      renameSync(join(incoming, name), join(out, name));
    }
  } finally {
    removeFolder(incoming);
  }
}
