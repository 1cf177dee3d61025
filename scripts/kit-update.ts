// `npm run update -- <new kit>`: applies a new version of the course over a learner's working copy. The
// learner's own files are never overwritten; everything else is replaced; a report says what happened.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { extract } from 'tar';
import { exitOnSignals } from '../grader/cli/exit-on-signal.js';
import { loadCourses } from '../grader/course/course-metadata.js';
import { makeTemporaryFolder, removeFolder } from '../grader/files/temporary-folders.js';

const root = resolve(import.meta.dirname, '..');
const NEVER_TOUCHED = /^(node_modules|\.grade|\.git)(\/|$)/;

function filesBelow(dir: string): string[] {
  return (
    readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((e) => e.isFile())
      // Forward slashes on every system, as the course manifests name the learner's files (exercises/<course>/…).
      .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
      .filter((path) => !NEVER_TOUCHED.test(path))
      .sort()
  );
}

/** The folder holding the new kit's package.json, unpacking a .tgz first. */
function newKitRoot(source: string, work: string): string {
  let dir = source;
  if (statSync(source).isFile()) {
    // In-process (node-tar), so that Windows needs no tar command; it refuses entries that would land outside work.
    extract({ file: source, cwd: work, sync: true, strict: true });
    dir = work;
  }
  if (existsSync(join(dir, 'package.json'))) return dir;
  const inner = readdirSync(dir, { withFileTypes: true }).find(
    (e) => e.isDirectory() && existsSync(join(dir, e.name, 'package.json')),
  );
  if (!inner) throw new Error(`${source} is not a course kit: no package.json in it`);
  return join(dir, inner.name);
}

function main(argv: string[]): number {
  const [source] = argv;
  if (!source || !existsSync(source)) {
    console.error('usage: npm run update -- <new kit: a .tgz or a folder>');
    return 2;
  }
  const work = makeTemporaryFolder('kit-update-');
  try {
    let next: string;
    try {
      next = newKitRoot(resolve(source), work);
    } catch (error) {
      console.error(`error: ${source}: ${(error as Error).message}. Nothing was changed.`);
      return 1;
    }
    const owned = new Set(
      [...loadCourses(root), ...loadCourses(next)].flatMap((c) =>
        c.exercises.flatMap((e) => e.files.map((f) => `exercises/${c.id}/${f}`)),
      ),
    );
    const kept: string[] = [];
    const added: string[] = [];
    const replaced: string[] = [];
    for (const path of filesBelow(next)) {
      const here = join(root, path);
      if (owned.has(path) && existsSync(here)) {
        kept.push(path);
        continue;
      }
      if (!existsSync(here)) added.push(path);
      else if (readFileSync(here, 'utf8') !== readFileSync(join(next, path), 'utf8')) replaced.push(path);
      else continue;
      mkdirSync(dirname(here), { recursive: true });
      cpSync(join(next, path), here);
    }
    console.log(
      `updated the course: ${replaced.length} files replaced, ${added.length} added, your ${kept.length} exercise files kept as they are`,
    );
    for (const path of added) console.log(`  + ${path}`);
    for (const path of replaced) console.log(`  ~ ${path}`);
    if (replaced.includes('package-lock.json')) console.log('dependencies changed: run `npm install`');
    return 0;
  } finally {
    removeFolder(work);
  }
}

exitOnSignals();
process.exitCode = main(process.argv.slice(2));
