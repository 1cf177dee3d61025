// The site's build-time data (each plug-in's data modules): computed from solutions/<course>/ in the instructor's
// repository, read from the file a release writes in a student kit (which has no solutions to run).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cachedData } from './data-cache.js';

/** Where a release writes the data file `name` (e.g. `charts.json`), relative to the kit's root. */
export const kitDataFile = (name: string): string => join('site', 'data', name);

/**
 * `compute()` where solutions/<course>/ exists (it may import them, so only then; kept between builds by
 * data-cache.ts), else the kit's data file.
 */
export async function solvedOrShipped<T>(
  root: string,
  courseId: string,
  name: string,
  compute: () => Promise<T>,
): Promise<T> {
  if (existsSync(join(root, 'solutions', courseId))) return (await cachedData(root, courseId, name, compute)) as T;
  const file = kitDataFile(`${name}.json`);
  if (existsSync(join(root, file))) return JSON.parse(readFileSync(join(root, file), 'utf8')) as T;
  throw new Error(`${file} is missing: this kit was not built by \`npm run release\`, which writes it`);
}
