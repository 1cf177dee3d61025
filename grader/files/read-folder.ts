// Lists a submission folder without following anything: every entry is lstat'ed before use, links and special
// files (FIFOs, sockets, devices) are refused unopened, and the walk is a loop bounded by the intake limits.
import { closeSync, constants, fstatSync, lstatSync, openSync, opendirSync, readSync, type Stats } from 'node:fs';
import { join } from 'node:path';
import { INTAKE_LIMITS, type IntakeLimits } from './intake-limits.js';
import { RefusedSubmission, type Refusal, type SpecialFile } from './refusal.js';
import type { FileLookup, SubmissionTree, TreeEntry } from './submission-tree.js';

/** Folders that hold no learner work and may be huge: never listed. */
export const skippedName = (name: string): boolean =>
  name.startsWith('.') || name === 'node_modules' || name === '__MACOSX';

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function specialKind(stats: Stats): SpecialFile | undefined {
  if (stats.isFIFO()) return 'named pipe';
  if (stats.isSocket()) return 'socket';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'device';
  return undefined;
}

/** What an lstat says an entry is, before anything opens it. */
export function entryOf(stats: Stats, path: string): TreeEntry {
  if (stats.isSymbolicLink()) return { kind: 'refused', refusal: { kind: 'symlink', path } };
  if (stats.isDirectory()) return { kind: 'folder' };
  if (stats.isFile()) return { kind: 'file', size: stats.size };
  return { kind: 'refused', refusal: { kind: 'special-file', path, special: specialKind(stats) ?? 'device' } };
}

// O_NOFOLLOW: a link swapped in after the listing fails to open; O_NONBLOCK: so does waiting on a FIFO.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

/**
 * The bytes of `relative` below `root`, read only if every folder on the way and the file itself are what they
 * claim (no link, no special file) and the file is at most `maxBytes`; `shownAs` names it in a refusal.
 */
export function readFileBelow(root: string, relative: string, shownAs: string, maxBytes: number): FileLookup {
  const parts = relative.split('/');
  try {
    for (let i = 1; i < parts.length; i++) {
      const entry = entryOf(lstatSync(join(root, ...parts.slice(0, i))), parts.slice(0, i).join('/'));
      if (entry.kind === 'refused') return { refusal: entry.refusal };
      if (entry.kind !== 'folder') return undefined;
    }
    const entry = entryOf(lstatSync(join(root, relative)), shownAs);
    if (entry.kind === 'refused') return { refusal: entry.refusal };
    if (entry.kind !== 'file') return undefined;
    if (entry.size > maxBytes) return { refusal: { kind: 'file-too-large', path: shownAs } };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT' || (error as NodeJS.ErrnoException).code === 'ENOTDIR')
      return undefined;
    return { refusal: { kind: 'unreadable', path: shownAs, reason: errorText(error) } };
  }
  let fd: number;
  try {
    fd = openSync(join(root, relative), OPEN_FLAGS);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') return { refusal: { kind: 'symlink', path: shownAs } };
    return { refusal: { kind: 'unreadable', path: shownAs, reason: errorText(error) } };
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile())
      return { refusal: { kind: 'special-file', path: shownAs, special: specialKind(stats) ?? 'device' } };
    // Read at most one byte past the limit: a file that grows after the lstat is still caught.
    const buffer = Buffer.alloc(Math.min(stats.size, maxBytes) + 1);
    let length = 0;
    for (let n = 1; n > 0 && length < buffer.length; length += n)
      n = readSync(fd, buffer, length, buffer.length - length, null);
    if (length > maxBytes) return { refusal: { kind: 'file-too-large', path: shownAs } };
    return { bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, length) };
  } catch (error) {
    return { refusal: { kind: 'unreadable', path: shownAs, reason: errorText(error) } };
  } finally {
    closeSync(fd);
  }
}

/**
 * The entry at `path`, listed a moment ago. One that is gone by the time it is looked at is refused, not fatal: a
 * name that is not UTF-8 (a Latin-1 `café.ts`) is listed with replacement characters that name no file, and the
 * rest of the submission is still graded.
 */
function entryAt(root: string, path: string): TreeEntry {
  try {
    return entryOf(lstatSync(join(root, path)), path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'EILSEQ') throw error;
    return { kind: 'refused', refusal: { kind: 'unreadable', path, reason: 'its name cannot be read as UTF-8 text' } };
  }
}

/**
 * The tree of folder `root` (`name` is how the whole submission is named in a refusal). Throws RefusedSubmission
 * when it is deeper, larger or fuller than `limits` allow: the walk stops there, before reading further.
 */
export function readFolder(root: string, name: string, limits: IntakeLimits = INTAKE_LIMITS): SubmissionTree {
  const entries = new Map<string, TreeEntry>();
  const pending: string[] = [''];
  let count = 0;
  let total = 0;
  const refuse = (refusal: Refusal): never => {
    throw new RefusedSubmission(refusal);
  };
  while (pending.length > 0) {
    const folder = pending.pop()!;
    const dir = opendirSync(join(root, folder));
    try {
      // One entry at a time, so that a folder of a million entries stops at the limit, not after listing them all.
      for (let dirent = dir.readSync(); dirent; dirent = dir.readSync()) {
        if (skippedName(dirent.name)) continue;
        if (++count > limits.maxEntries) refuse({ kind: 'too-many-entries', path: name });
        const path = folder === '' ? dirent.name : `${folder}/${dirent.name}`;
        const entry = entryAt(root, path);
        if (entry.kind === 'folder') {
          if (path.split('/').length > limits.maxDepth) refuse({ kind: 'too-deep', path: `${name}/${path}` });
          pending.push(path);
        } else if (entry.kind === 'file' && (total += entry.size) > limits.maxTotalBytes)
          refuse({ kind: 'too-large', path: name });
        entries.set(path, entry);
      }
    } finally {
      dir.closeSync();
    }
  }
  return {
    entries,
    read(path) {
      const entry = entries.get(path);
      if (entry?.kind === 'refused') return { refusal: entry.refusal };
      if (entry?.kind !== 'file') return undefined;
      return readFileBelow(root, path, path, limits.maxFileBytes);
    },
  };
}
