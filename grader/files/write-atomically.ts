// Writes a file so that no reader ever sees half of it, and a crash leaves the old one: the text goes into a
// temporary file beside it, which is then renamed over it. With `within`, it never writes through a link.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  lstatSync,
  mkdirSync,
  openSync,
  renameSync,
  rmSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { basename, dirname, join, sep } from 'node:path';
import { pathBelow } from './path-below.js';

export interface WriteOptions {
  /**
   * A folder the caller trusts (the kit's root). Every part of the path below it must then be a real folder, and the
   * file, if it exists, a regular file: a symbolic link, or anything else in their place, throws UnsafePathError
   * before anything is written. Missing folders are created one at a time, never through a link.
   */
  within?: string;
}

/** What stood where a folder or the file should be. */
export type FoundInstead = 'symbolic link' | 'file' | 'folder' | 'special file';

/** A part of the destination path is not what writing there safely needs; nothing was written. */
export class UnsafePathError extends Error {
  constructor(
    /** The offending part, absolute. */
    readonly path: string,
    readonly expected: 'folder' | 'file',
    readonly found: FoundInstead,
  ) {
    super(
      `${path} is a ${found}, not a ${expected === 'file' ? 'regular file' : 'folder'}; refusing to write through it`,
    );
    this.name = 'UnsafePathError';
  }
}

export function writeAtomically(path: string, text: string, options: WriteOptions = {}): void {
  if (options.within !== undefined) return writeWithoutLinks(options.within, path, text);
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true }); // a write that failed leaves nothing behind
    throw error;
  }
}

function kindOf(stats: Stats): FoundInstead {
  if (stats.isSymbolicLink()) return 'symbolic link';
  if (stats.isDirectory()) return 'folder';
  if (stats.isFile()) return 'file';
  return 'special file';
}

/** lstat, or undefined when nothing is there: it never follows a link. */
function entryAt(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The folders from `root` (excluded) down to the file's, and the file: each must be what it is named for. */
function partsBelow(root: string, path: string): { folders: string[]; file: string } {
  const rel = pathBelow(root, path);
  if (!rel) throw new Error(`${path} is not below ${root}`);
  const names = rel.split(sep);
  const folders = names.slice(0, -1).map((_, i) => join(root, ...names.slice(0, i + 1)));
  return { folders, file: path };
}

/**
 * Checks the parts of the path (creating missing folders when `create`), throwing UnsafePathError at the first
 * that is not a real folder, or a file that is not a regular one. A hard link is a regular file: it is fine,
 * since the rename replaces the name, never the content that another name shares.
 */
export function expectNoLinks(root: string, path: string, create = false): void {
  const { folders, file } = partsBelow(root, path);
  for (const folder of folders) {
    let found = entryAt(folder);
    if (!found && create) {
      try {
        mkdirSync(folder); // one level: mkdir never follows a link in the last part, and fails if anything is there
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      found = entryAt(folder);
    }
    if (!found) {
      if (create) throw new Error(`${folder} vanished while it was being created`);
      return; // nothing below a missing folder can be a link
    }
    if (!found.isDirectory()) throw new UnsafePathError(folder, 'folder', kindOf(found));
  }
  const existing = entryAt(file);
  if (existing && !existing.isFile()) throw new UnsafePathError(file, 'file', kindOf(existing));
}

/**
 * The text goes to a fresh temporary file of a random name in the checked folder, opened with O_EXCL (it fails if
 * anything, a planted link included, has that name) and O_NOFOLLOW; the parts are checked again just before the
 * rename, which replaces the name itself and never follows a link there. Node has no openat/renameat, so a folder
 * swapped for a link between that last check and the rename is not caught; only the learner's own processes could.
 */
function writeWithoutLinks(root: string, path: string, text: string): void {
  expectNoLinks(root, path, true);
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(8).toString('hex')}.tmp`);
  const fd = openSync(
    temporary,
    constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0),
    0o644,
  );
  try {
    try {
      writeFileSync(fd, text);
    } finally {
      closeSync(fd);
    }
    expectNoLinks(root, path);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The first part of any of these paths (relative to root) that is unsafe to write through, or null. Writes nothing. */
export function unsafeDestination(root: string, paths: readonly string[]): UnsafePathError | null {
  for (const path of paths) {
    try {
      expectNoLinks(root, join(root, path));
    } catch (error) {
      if (error instanceof UnsafePathError) return error;
      throw error;
    }
  }
  return null;
}
