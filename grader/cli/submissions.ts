// Finds the submissions of a class in a folder (one folder or one .zip each), unpacks the zips safely, and
// locates each submission's learner files however deep the student's folder structure puts them.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, normalize, sep } from 'node:path';
import { unzipSync } from 'fflate';
import type { Exercise } from '../course/course-metadata.js';

export interface Submission {
  id: string;
  /** The folder laid out like exercises/, once found; undefined with `problem` when it could not be. */
  dir?: string;
  problem?: string;
}

const MAX_UNZIPPED_BYTES = 50 * 1024 * 1024;

/** Unpacks a zip into `into`, refusing entries that would land outside it and archives that are too large. */
export function unzipInto(zipPath: string, into: string): void {
  let total = 0;
  const entries = unzipSync(readFileSync(zipPath), {
    filter: (file) => {
      total += file.originalSize;
      if (total > MAX_UNZIPPED_BYTES) throw new Error(`unpacks to more than ${MAX_UNZIPPED_BYTES / 1024 / 1024} MB`);
      return !file.name.endsWith('/');
    },
  });
  for (const [name, data] of Object.entries(entries)) {
    const path = normalize(name);
    if (path.startsWith('..') || path.startsWith(sep) || /^[A-Za-z]:/.test(path)) throw new Error(`holds a path outside the archive: ${name}`);
    const target = join(into, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, data);
  }
}

/** The folder under `root` holding <course>/<learner file> for some exercise, the shallowest one. */
export function findLearnerRoot(root: string, exercises: Exercise[]): string | undefined {
  const wanted = exercises.flatMap((e) => e.files.map((f) => join(e.course, f)));
  const queue = [root];
  while (queue.length > 0) {
    const dir = queue.shift()!;
    if (wanted.some((file) => existsSync(join(dir, file)))) return dir;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory() && entry.name !== 'node_modules' && !entry.name.startsWith('.')) queue.push(join(dir, entry.name));
    }
  }
  return undefined;
}

/** Every submission in `dir`, sorted by name; zips are unpacked under `unpackDir`. */
export function collectSubmissions(dir: string, exercises: Exercise[], unpackDir: string): Submission[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('.'))
    .sort()
    .flatMap((name): Submission[] => {
      const path = join(dir, name);
      const isZip = name.toLowerCase().endsWith('.zip') && statSync(path).isFile();
      if (!isZip && !statSync(path).isDirectory()) return [];
      const id = isZip ? basename(name, '.zip') : name;
      let root = path;
      if (isZip) {
        root = join(unpackDir, id);
        try {
          unzipInto(path, root);
        } catch (error) {
          return [{ id, problem: `${name} could not be unpacked: ${error instanceof Error ? error.message : String(error)}` }];
        }
      }
      const found = findLearnerRoot(root, exercises);
      return [found ? { id, dir: found } : { id, problem: `${name} holds none of the learner files (${exercises.map((e) => `${e.course}/${e.files[0]}`).join(', ')})` }];
    });
}
