// Walks a folder without following symbolic links. Node.js 22 and later descend into a link to a folder in a
// recursive readdir (Node.js 20 does not), which would take a listing out of the folder: into a whole node_modules,
// or through a link that an upload or an archive planted, to anywhere on the disk.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

export interface BelowOptions {
  /** Folders by name that are neither listed nor entered (node_modules, say). */
  skip?: (name: string) => boolean;
}

export interface Entry {
  /** `dir` joined with the entry's path below it. */
  path: string;
  folder: boolean;
}

/** Every folder and regular file below `dir`, parents before their contents; links are neither listed nor followed. */
export function entriesBelow(dir: string, options: BelowOptions = {}): Entry[] {
  const entries: Entry[] = [];
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) {
        if (options.skip?.(entry.name)) continue;
        entries.push({ path, folder: true });
        visit(path);
      } else if (entry.isFile()) entries.push({ path, folder: false });
    }
  };
  visit(dir);
  return entries;
}

/** Every regular file below `dir`, as `dir` joined with its path; links are neither listed nor followed. */
export function filesBelow(dir: string, options: BelowOptions = {}): string[] {
  return entriesBelow(dir, options)
    .filter((entry) => !entry.folder)
    .map((entry) => entry.path);
}
