// Where a release may put its outputs, checked before anything is built. Not among the files git lists (the next
// release would take the kit into itself), and never over something the last release did not leave there as it left
// it: a folder of notes named student-kit, a kit someone unpacked and worked in. A record beside the outputs, of
// every file each one held when it was written, tells the release's own outputs from anything else.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { filesBelow } from '../../grader/files/files-below.js';
import { writeAtomically } from '../../grader/files/write-atomically.js';

/** The record's name in the output folder. */
export const RECORD = '.release-record.json';

/** Each output's files by path ('' for an output that is a file) with a digest of their bytes. */
type Listing = Record<string, string>;
interface ReleaseRecord {
  outputs: Record<string, Listing>;
}

const digest = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The files `path` holds, relative to it ('' where it is a file), each mapped to `read(file)`. */
function listing<T>(path: string, read: (file: string) => T): Record<string, T> {
  if (!statSync(path).isDirectory()) return { '': read(path) };
  return Object.fromEntries(
    filesBelow(path).map((file) => [relative(path, file).split(sep).join('/'), read(file)] as const),
  );
}

function readRecord(out: string): ReleaseRecord {
  try {
    const parsed = JSON.parse(readFileSync(join(out, RECORD), 'utf8')) as Partial<ReleaseRecord>;
    return { outputs: parsed.outputs ?? {} };
  } catch {
    return { outputs: {} };
  }
}

/** Notes, after a release wrote `names` into `out`, what each of them holds now. */
export function recordOutputs(out: string, names: readonly string[]): void {
  const record = readRecord(out);
  for (const name of names) record.outputs[name] = listing(join(out, name), digest);
  writeAtomically(join(out, RECORD), `${JSON.stringify(record, null, 1)}\n`);
}

/**
 * The paths that differ between what was recorded and what is there, a whole added folder said once (`node_modules/`),
 * at most `most` of them, then how many more.
 */
function differences(recorded: Listing, path: string, most = 3): string[] {
  const now = listing(path, (file) => file);
  const foldersOf = (file: string) =>
    file
      .split('/')
      .slice(0, -1)
      .map((_, i, parts) => `${parts.slice(0, i + 1).join('/')}/`);
  const releaseFolders = new Set(Object.keys(recorded).flatMap(foldersOf));
  const said = new Set<string>();
  for (const file of Object.keys(now)) {
    if (recorded[file] === undefined) {
      // The shallowest folder of the added file that held nothing of the release's, or the file itself.
      const shown = foldersOf(file).find((folder) => !releaseFolders.has(folder)) ?? file;
      said.add(`${shown || 'it'} added`);
    } else if (digest(now[file]!) !== recorded[file]) said.add(`${file || 'it'} changed`);
  }
  for (const file of Object.keys(recorded)) if (now[file] === undefined) said.add(`${file} removed`);
  const all = [...said].sort();
  return all.length > most ? [...all.slice(0, most), `${all.length - most} more`] : all;
}

/**
 * Why the release may not write `names` into `out`, or undefined where it may: `out` lies among the files git lists
 * in `root`, or one of the outputs already there is not as a release left it (unless `force`).
 */
export function releaseOutputProblem(
  root: string,
  out: string,
  names: readonly string[],
  force: boolean,
): string | undefined {
  // Asked of an output's path inside `out`: git matches a pattern for folders (/release/) only to a path it knows is one.
  const inRepository = relative(root, join(out, names[0]!));
  if (!inRepository.startsWith('..') && gitSees(root, inRepository.split(sep).join('/')))
    return (
      'it is among the files of this repository that the release takes into the kit, so the next kit would hold ' +
      'this one. Name a folder outside the repository, or one .gitignore leaves out (as the default, release/)'
    );
  if (force) return undefined;
  const record = readRecord(out);
  for (const name of names) {
    const path = join(out, name);
    if (!existsSync(path)) continue;
    const recorded = record.outputs[name];
    const changes = recorded ? differences(recorded, path) : [];
    if (recorded && changes.length === 0) continue;
    const why = recorded ? `is not as the last release left it (${changes.join(', ')})` : 'was not made by a release';
    const shown = statSync(path).isDirectory() ? `${name}/` : name;
    return `${shown} ${why}, and the release replaces it whole. Move it elsewhere, or add --force to replace it`;
  }
  return undefined;
}

/**
 * Whether git would list a file at `path` (relative to `root`) among the repository's files: false where it ignores
 * it, or where it cannot tell (no git, no repository: the release stops on that later, in its own words).
 */
function gitSees(root: string, path: string): boolean {
  try {
    execFileSync('git', ['check-ignore', '--quiet', '--no-index', path], { cwd: root, stdio: 'ignore' });
    return false;
  } catch (error) {
    return (error as { status?: number }).status === 1;
  }
}
