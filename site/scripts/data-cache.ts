// Build-time data kept from one build to the next: a course's data modules run its solutions (training a reference
// model, drawing contours: about 2.4 s of a 9 s build for the courses of this repository), and a build, a dev
// server or a release whose sources are byte for byte those of the last run reads the numbers instead.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { writeAtomically } from '../../grader/files/write-atomically.js';

/** Where the numbers are kept: one file per course and data module, beside the other tools' caches. */
export const dataCacheFolder = (root: string): string => join(root, 'node_modules', '.cache', 'course-site-data');

/**
 * Everything a course's data module could read, directly or through its imports: the course's solutions and
 * folders, the whole grader (fixtures, harness) and site (shared code, build scripts; not its outputs), and the
 * lock file (the libraries' versions). Conservative on purpose: an edit anywhere there computes again.
 */
function sources(root: string, course: string): string[] {
  const skipped = new Set(['node_modules', 'dist', 'dist-instructor']);
  const walk = (dir: string): string[] =>
    existsSync(dir)
      ? readdirSync(dir, { withFileTypes: true })
          .filter((entry) => !skipped.has(entry.name))
          .flatMap((entry) => (entry.isDirectory() ? walk(join(dir, entry.name)) : [join(dir, entry.name)]))
      : [];
  return [
    ...['solutions', 'courses'].flatMap((top) => walk(join(root, top, course))),
    ...walk(join(root, 'grader')),
    ...walk(join(root, 'site')),
    join(root, 'package-lock.json'),
  ]
    .filter((file) => existsSync(file))
    .map((file) => relative(root, file))
    .sort();
}

/**
 * The digest of a course's data sources: their paths and contents, wherever the tree lies on disk, and the Node.js
 * version (another V8 may round a Math function differently in the last bit).
 */
export function dataDigest(root: string, course: string, name: string): string {
  const hash = createHash('sha256').update(`${course}\0${name}\0${process.version}\0`);
  for (const file of sources(root, course))
    hash
      .update(`${file}\0`)
      .update(readFileSync(join(root, file)))
      .update('\0');
  return hash.digest('hex');
}

interface Entry {
  digest: string;
  value: unknown;
}

/**
 * `compute()`'s value as last computed from the same sources, or computed now and kept. The value comes back as
 * JSON gives it, as a student kit's shipped data file does. A cache that cannot be read or written only costs the
 * computation.
 */
export async function cachedData(root: string, course: string, name: string, compute: () => Promise<unknown>) {
  const file = join(dataCacheFolder(root), `${course}-${name}.json`);
  const digest = dataDigest(root, course, name);
  try {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as Entry;
    if (kept.digest === digest) return kept.value;
  } catch {
    // none kept yet, or unreadable: computed below
  }
  const value: unknown = JSON.parse(JSON.stringify(await compute()));
  try {
    // Whole or not at all: a build running beside this one never reads half a file.
    writeAtomically(file, JSON.stringify({ digest, value } satisfies Entry));
  } catch {
    // a read-only node_modules: the next build computes again
  }
  return value;
}
