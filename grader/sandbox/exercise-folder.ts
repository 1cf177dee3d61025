// Reads files of one exercise folder for the bundler: the only way learner files reach esbuild. Anything but a
// regular file inside the folder (a link out, a device, a FIFO) is refused, and so is a file over the size cap.
import { closeSync, constants, fstatSync, lstatSync, openSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';

/** About 30 times the largest exercise file: room for any honest solution, little for a pathological one. */
export const FILE_BYTES_LIMIT = 64 * 1024;

export type ReadRefusal =
  | { reason: 'missing' }
  | { reason: 'outside' }
  | { reason: 'not-a-file' }
  | { reason: 'too-large'; bytes: number }
  | { reason: 'unreadable'; why: string };

export type ReadResult = { text: string } | { refused: ReadRefusal };

// O_NOFOLLOW: a link swapped in after the check is not followed; O_NONBLOCK: opening a FIFO does not wait for a writer.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);

const code = (error: unknown) => (error as NodeJS.ErrnoException).code;

export class ExerciseFolder {
  private readonly realRoot: string;

  constructor(readonly root: string) {
    this.realRoot = realpathSync(root);
  }

  /** Whether something other than a directory is at `file` (relative to the folder): a candidate for an import. */
  exists(file: string): boolean {
    const stat = lstatSync(join(this.root, file), { throwIfNoEntry: false });
    return stat !== undefined && !stat.isDirectory();
  }

  /** The text of `file`, if it is a regular file inside the folder (links resolved) of at most `FILE_BYTES_LIMIT`. */
  read(file: string): ReadResult {
    let real: string;
    try {
      real = realpathSync(join(this.root, file));
    } catch (error) {
      return {
        refused:
          code(error) === 'ENOENT'
            ? { reason: 'missing' }
            : { reason: 'unreadable', why: String(code(error) ?? error) },
      };
    }
    const inside = relative(this.realRoot, real);
    if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { refused: { reason: 'outside' } };
    let fd: number;
    try {
      fd = openSync(real, OPEN_FLAGS);
    } catch (error) {
      return { refused: { reason: 'unreadable', why: String(code(error) ?? error) } };
    }
    try {
      const stat = fstatSync(fd);
      if (!stat.isFile()) return { refused: { reason: 'not-a-file' } };
      if (stat.size > FILE_BYTES_LIMIT) return { refused: { reason: 'too-large', bytes: stat.size } };
      // Read one byte past the cap, so that a file growing after fstat is refused too.
      const buffer = Buffer.alloc(FILE_BYTES_LIMIT + 1);
      let length = 0;
      for (let got = -1; got !== 0 && length < buffer.length; length += got)
        got = readSync(fd, buffer, length, buffer.length - length, null);
      if (length > FILE_BYTES_LIMIT) return { refused: { reason: 'too-large', bytes: length } };
      return { text: buffer.toString('utf8', 0, length) };
    } finally {
      closeSync(fd);
    }
  }
}

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Why `shown` (the file as the learner knows it) could not be read, and what to do. */
export function readRefusalMessage(shown: string, refusal: ReadRefusal): string {
  switch (refusal.reason) {
    case 'missing':
      return `${shown} does not exist: restore it or create it`;
    case 'outside':
      return `${shown} is a link to a file outside your exercise folder: replace the link with the file itself`;
    case 'not-a-file':
      return `${shown} is not a regular file (a device, a pipe, …): replace it with an ordinary source file`;
    case 'too-large':
      return `${shown} is ${size(refusal.bytes)}, more than the ${size(FILE_BYTES_LIMIT)} an exercise file may have: remove what the exercise does not need`;
    case 'unreadable':
      return `${shown} could not be read (${refusal.why}): check that it is an ordinary file you can read`;
  }
}
