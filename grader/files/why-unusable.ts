// Why a path cannot be used, in a few words a student understands, from the code of the file system's error;
// a caller adds what a code means where it looks (EEXIST is "a file" to mkdir, ENOTDIR "inside a file" or "not a
// folder").
const REASONS: Record<string, string> = {
  ENOENT: 'it does not exist',
  EACCES: 'you may not write there',
  EPERM: 'you may not write there',
  EROFS: 'it is on a read-only file system',
  ENOSPC: 'its disk is full',
};

/** The reason for `error`, or undefined when its code is none of those known here or in `own`. */
export function whyUnusable(error: unknown, own: Record<string, string> = {}): string | undefined {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  return own[code] ?? REASONS[code];
}
