// The site's precomputed data (reference trajectories, the search heatmap): computed from solutions/ in the
// instructor's repository, read from the file a release writes in a student kit (which has no solutions to run).
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..', '..');

/** Where a release writes the data file `name`, relative to the kit's root. */
export const kitDataFile = (name: string): string => join('site', 'data', name);

/** `compute()` where solutions/ exists (it imports them, so only then), else the kit's data file `name`. */
export async function solvedOrShipped<T>(name: string, compute: () => Promise<T>): Promise<T> {
  if (existsSync(join(root, 'solutions'))) return compute();
  const file = join(root, kitDataFile(name));
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as T;
  throw new Error(`${file} is missing: this kit was not built by \`npm run release\``);
}
