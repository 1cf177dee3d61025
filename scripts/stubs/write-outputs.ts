// Writes generated files all-or-nothing, and never over a file a learner has edited since it was generated:
// a manifest of content hashes tells generated files from edited ones.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { GeneratedFiles } from './generate-stubs.js';

export const MANIFEST = '.stubs-manifest.json';

type Manifest = Record<string, string>; // path relative to root → sha256 of what was generated

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function readManifest(root: string, outRoot: string): Manifest {
  const path = join(root, outRoot, MANIFEST);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as Manifest) : {};
}

export interface Plan {
  write: string[];
  unchanged: string[];
  /** Edited by hand since generation (or never generated): never overwritten without --force. */
  edited: string[];
  /** Generated before, no longer generated (its solution was removed or renamed): removed with the write. */
  orphaned: string[];
}

/**
 * What writing `files` would do. Only files below `scope` (the output folders of the courses generated, relative
 * to root) can be orphans: another course's files are never touched, whatever the manifest says of them.
 */
export function planWrites(root: string, outRoot: string, files: GeneratedFiles, scope: readonly string[]): Plan {
  const manifest = readManifest(root, outRoot);
  const plan: Plan = { write: [], unchanged: [], edited: [], orphaned: [] };
  const inScope = (path: string) => scope.some((dir) => path.startsWith(`${dir}/`));
  for (const path of Object.keys(manifest)) {
    if (
      inScope(path) &&
      !files.has(path) &&
      existsSync(join(root, path)) &&
      manifest[path] === sha256(readFileSync(join(root, path), 'utf8'))
    )
      plan.orphaned.push(path);
  }
  for (const [path, text] of files) {
    const full = join(root, path);
    if (!existsSync(full)) {
      plan.write.push(path);
      continue;
    }
    const current = readFileSync(full, 'utf8');
    if (current === text) plan.unchanged.push(path);
    else if (manifest[path] === sha256(current)) plan.write.push(path);
    else plan.edited.push(path);
  }
  return plan;
}

/**
 * All files or none: every file is staged beside its target, then the targets are swapped in one by one with
 * the old versions kept aside, and on any failure the swapped files are put back and the staged ones removed.
 */
/** The one file operation that can fail half-way through; replaceable so that tests can make it fail. */
export interface SwapOperations {
  rename(from: string, to: string): void;
}

export function writeAll(
  root: string,
  outRoot: string,
  files: GeneratedFiles,
  paths: string[],
  ops: SwapOperations = { rename: renameSync },
  orphaned: string[] = [],
): void {
  // Entries of files that are no longer generated go; the files themselves go after the swap succeeds.
  const manifest = Object.fromEntries(
    Object.entries(readManifest(root, outRoot)).filter(
      ([path]) => files.has(path) || (!orphaned.includes(path) && existsSync(join(root, path))),
    ),
  );
  for (const [path, text] of files) manifest[path] = sha256(text);
  const staged: Array<[string, string]> = [];
  const stage = (target: string, text: string): void => {
    mkdirSync(dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    writeFileSync(temp, text);
    staged.push([temp, target]);
  };
  try {
    for (const path of paths) stage(join(root, path), files.get(path)!);
    const sorted = Object.fromEntries(Object.entries(manifest).sort(([a], [b]) => a.localeCompare(b)));
    stage(join(root, outRoot, MANIFEST), `${JSON.stringify(sorted, null, 2)}\n`);
  } catch (error) {
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  const swapped: Array<{ target: string; backup: string | null }> = [];
  try {
    for (const [temp, target] of staged) {
      const backup = existsSync(target) ? `${target}.${process.pid}.bak` : null;
      if (backup) ops.rename(target, backup);
      swapped.push({ target, backup });
      ops.rename(temp, target);
    }
  } catch (error) {
    for (const { target, backup } of swapped.reverse()) {
      if (backup) renameSync(backup, target);
      else rmSync(target, { force: true });
    }
    for (const [temp] of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { backup } of swapped) if (backup) rmSync(backup, { force: true });
  for (const path of orphaned) rmSync(join(root, path), { force: true });
}
