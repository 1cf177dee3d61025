// Whether a path lies inside a folder, by its path alone (links are not followed): the one test of "below" that
// checks of outputs and writes share.
import { isAbsolute, relative, sep } from 'node:path';

/** `path` relative to `folder` ('' for the folder itself), or undefined where it is not inside it. */
export function pathBelow(folder: string, path: string): string | undefined {
  const rel = relative(folder, path);
  return rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel) ? undefined : rel;
}
