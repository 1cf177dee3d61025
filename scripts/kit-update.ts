// `npm run update -- <new kit>`: applies a new version of the course over a learner's working copy. The
// learner's own files are never overwritten; everything else is replaced; a report says what happened.
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { extract } from 'tar';
import { exitOnSignals } from '../grader/cli/exit-on-signal.js';
import { readCommandLine, readOptions, UsageError } from '../grader/cli/read-options.js';
import { loadCourses, MetadataError } from '../grader/course/course-metadata.js';
import { filesBelow } from '../grader/files/files-below.js';
import { makeTemporaryFolder, removeFolder } from '../grader/files/temporary-folders.js';
import { unsafeDestination } from '../grader/files/write-atomically.js';

const root = resolve(import.meta.dirname, '..');
const NEVER_TOUCHED = /^(node_modules|\.grade|\.git)(\/|$)/;

const isFile = (path: string): boolean => lstatSync(path, { throwIfNoEntry: false })?.isFile() === true;

/** What stands where the new kit's `path` must go (a folder, a link, a file where a folder goes), if anything. */
function blockedBy(path: string): string | undefined {
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const stats = lstatSync(join(root, ...parts.slice(0, i)), { throwIfNoEntry: false });
    if (stats && !stats.isDirectory()) return `${parts.slice(0, i).join('/')} is not a folder here`;
  }
  const stats = lstatSync(join(root, path), { throwIfNoEntry: false });
  if (!stats || stats.isFile()) return undefined;
  return stats.isDirectory() ? 'a folder is in its place' : 'a link or special file is in its place';
}

/** `dest` becomes a copy of `source` (its mode too), whole or not at all: a copy beside it, renamed into place. */
function replaceFile(source: string, dest: string): void {
  const temporary = `${dest}.${process.pid}.update.tmp`;
  try {
    copyFileSync(source, temporary);
    renameSync(temporary, dest);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/** The new kit's files an update may copy, by their paths in the kit. */
function kitFiles(dir: string): string[] {
  return (
    filesBelow(dir)
      // Forward slashes on every system, as the course manifests name the learner's files (exercises/<course>/…).
      .map((file) => relative(dir, file).split(sep).join('/'))
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

const USAGE = 'usage: npm run update -- <new kit: a .tgz or a folder>';

/** What the command line asks for: the usage, or the update from the new kit it names (a UsageError otherwise). */
function readArguments(argv: string[]): { help: true } | { help: false; source: string } {
  const { values, positionals } = readOptions(argv, { help: { type: 'boolean', short: 'h' } }, true);
  if (values.help) return { help: true };
  if (positionals.length === 0) throw new UsageError('name the new kit');
  if (positionals.length > 1) throw new UsageError(`one kit at a time (given: ${positionals.join(', ')})`);
  return { help: false, source: positionals[0]! };
}

function main(argv: string[]): number {
  const asked = readCommandLine(USAGE, () => readArguments(argv));
  if (asked.help) {
    console.log(USAGE);
    return 0;
  }
  const { source } = asked;
  if (!existsSync(source)) {
    console.error(`error: ${source}: there is no such file or folder. Nothing was changed.\n${USAGE}`);
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
    let owned: Set<string>;
    try {
      owned = new Set(
        [...loadCourses(root), ...loadCourses(next)].flatMap((c) =>
          c.exercises.flatMap((e) => e.files.map((f) => `exercises/${c.id}/${f}`)),
        ),
      );
    } catch (error) {
      if (!(error instanceof MetadataError)) throw error;
      console.error(`error: ${source}: its courses cannot be read: ${error.message}. Nothing was changed.`);
      return 1;
    }
    const kept: string[] = [];
    const added: string[] = [];
    const replaced: string[] = [];
    for (const path of kitFiles(next)) {
      const here = join(root, path);
      if (owned.has(path) && existsSync(here)) kept.push(path);
      else if (!existsSync(here)) added.push(path);
      else if (!isFile(here) || !readFileSync(here).equals(readFileSync(join(next, path)))) replaced.push(path);
    }
    // Everything that could stop the update half-way is looked for before anything is written.
    const blocked = [...added, ...replaced].flatMap((path) => {
      const why = blockedBy(path);
      return why ? [`${path}: ${why}`] : [];
    });
    // The backups of replaced files go below the kit, never through a link (a .grade that links elsewhere).
    const unsafe = replaced.length > 0 ? unsafeDestination(root, [join('.grade', 'backups', 'a-backup')]) : null;
    if (unsafe)
      blocked.push(
        `${relative(root, unsafe.path)}: a ${unsafe.found}, where the versions replaced are kept (.grade/backups/)`,
      );
    if (blocked.length > 0) {
      console.error(
        `error: the new kit cannot be applied, because of what is in the way here:\n${blocked.map((b) => `  ${b}`).join('\n')}\nMove these away, then run the update again. Nothing was changed.`,
      );
      return 1;
    }
    // Files the learner may have edited beside their exercises (helpers, the README) are kept, never lost.
    const backups = join('.grade', 'backups', `update-${new Date().toISOString().replace(/[:.]/g, '-')}`);
    for (const path of replaced) {
      mkdirSync(dirname(join(root, backups, path)), { recursive: true });
      copyFileSync(join(root, path), join(root, backups, path));
    }
    for (const path of [...added, ...replaced]) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      replaceFile(join(next, path), join(root, path));
    }
    console.log(
      `updated the course: ${replaced.length} files replaced, ${added.length} added, your ${kept.length} exercise files kept as they are`,
    );
    for (const path of added) console.log(`  + ${path}`);
    for (const path of replaced) console.log(`  ~ ${path}`);
    if (replaced.length > 0) console.log(`the versions replaced are kept in ${backups}/`);
    if (replaced.includes('package-lock.json')) console.log('dependencies changed: run `npm install`');
    return 0;
  } finally {
    removeFolder(work);
  }
}

exitOnSignals();
process.exitCode = main(process.argv.slice(2));
