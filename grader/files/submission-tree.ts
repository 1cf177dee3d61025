// A submission as the grader sees it, whether a folder or a zip: a listing of its entries, links and special
// files already refused, and reads bounded by the intake limits. Pure helpers find the learner files in it.
import type { Refusal } from './refusal.js';

export type TreeEntry = { kind: 'file'; size: number } | { kind: 'folder' } | { kind: 'refused'; refusal: Refusal };

/** A file's bytes, why it is not used, or undefined when the tree has no such file. */
export type FileLookup =
  { bytes: Uint8Array; refusal?: undefined } | { refusal: Refusal; bytes?: undefined } | undefined;

export interface SubmissionTree {
  /** Every entry, by its '/'-separated path from the tree's top. */
  readonly entries: ReadonlyMap<string, TreeEntry>;
  /** Reads the file at `path`; throws RefusedSubmission when that shows the whole submission unusable (a forged zip). */
  read(path: string): FileLookup;
}

/** The part of `tree` below folder `prefix` ('' for all of it), with paths relative to it. */
export function subtree(tree: SubmissionTree, prefix: string): SubmissionTree {
  if (prefix === '') return tree;
  const below = `${prefix}/`;
  const entries = new Map<string, TreeEntry>();
  for (const [path, entry] of tree.entries) if (path.startsWith(below)) entries.set(path.slice(below.length), entry);
  return { entries, read: (path) => (entries.has(path) ? tree.read(below + path) : undefined) };
}

export function refusalsOf(tree: SubmissionTree): Refusal[] {
  return [...tree.entries.values()].flatMap((entry) => (entry.kind === 'refused' ? [entry.refusal] : []));
}

const depthOf = (path: string) => (path === '' ? 0 : path.split('/').length);

/**
 * The folder of `tree` holding at least one of `wanted` (paths like <course>/<file>.ts), the shallowest one, and
 * the first by name among equals; undefined when none does. A refused entry never counts as a learner file.
 */
export function learnerRootOf(tree: SubmissionTree, wanted: string[]): string | undefined {
  let best: string | undefined;
  for (const [path, entry] of tree.entries) {
    if (entry.kind !== 'file') continue;
    for (const file of wanted) {
      const root = path === file ? '' : path.endsWith(`/${file}`) ? path.slice(0, -file.length - 1) : undefined;
      if (root === undefined) continue;
      if (best === undefined || depthOf(root) < depthOf(best) || (depthOf(root) === depthOf(best) && root < best))
        best = root;
    }
  }
  return best;
}
