// A class bigger than one machine: `--shard i/n` grades a deterministic share of it, `--merge OUT… --out OUT` puts
// the shares back together. The rule: every row of the class (each submission, and with a roster each student who
// sent nothing) has an id; the ids are sorted by UTF-16 code units, and shard i of n takes those at positions
// i-1, i-1+n, i-1+2n, … Every shard lists the whole class folder and roster, so all agree on the ids, on the report
// file names and on who is missing; each grades only its own rows and records, in `.class.json` beside its
// gradebook, the whole class's ids and its own. Merging checks that the shares cover the class exactly once, copies
// their reports byte for byte and writes the gradebook from them: the same bytes as one unsharded run.
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { writeAtomically } from '../files/write-atomically.js';
import { gradebookCsv, type GradebookLayout, type StoredReport } from './gradebook.js';

export class ClassOutputError extends Error {
  override name = 'ClassOutputError';
}

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(text: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count)
    throw new RangeError(`--shard takes i/n with 1 ≤ i ≤ n (e.g. 2/4), not ${text}`);
  return { index, count };
}

/** The ids of the class in their one order: UTF-16 code units, whatever the machine's locale. */
export const sortIds = (ids: string[]): string[] => [...ids].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

/** The ids shard `shard` grades, out of the class's sorted ids: every n-th, from the i-th. */
export function shardOf(sortedIds: string[], shard: Shard | undefined): string[] {
  return shard ? sortedIds.filter((_, k) => k % shard.count === shard.index - 1) : sortedIds;
}

export const MANIFEST = '.class.json';

/** What a class run's output folder holds, beside its reports: enough to merge it and to write its gradebook. */
export interface ClassManifest {
  format: 1;
  layout: GradebookLayout;
  /** Every row id of the class, sorted, with its report's file name. */
  rows: Array<{ id: string; file: string }>;
  shard: Shard | null;
  /** The ids this output graded: all of them when unsharded or merged. */
  graded: string[];
}

export function manifestText(manifest: ClassManifest): string {
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

function readManifest(dir: string): ClassManifest {
  let manifest: ClassManifest;
  try {
    manifest = JSON.parse(readFileSync(join(dir, MANIFEST), 'utf8')) as ClassManifest;
  } catch (error) {
    throw new ClassOutputError(
      `${dir} is not a class run's output (its ${MANIFEST} cannot be read: ${error instanceof Error ? error.message : String(error)})`,
    );
  }
  if (manifest.format !== 1 || !Array.isArray(manifest.rows) || !Array.isArray(manifest.graded))
    throw new ClassOutputError(`${join(dir, MANIFEST)} is not a class manifest this grader knows`);
  return manifest;
}

export interface MergeSummary {
  rows: number;
  outDir: string;
}

/** Merges the outputs `dirs` of a class graded in shards into `outDir`: reports copied, one gradebook written. */
export function mergeClassOutputs(dirs: string[], outDir: string): MergeSummary {
  if (dirs.length === 0) throw new ClassOutputError('--merge needs the output folders of the shards to merge');
  const manifests = dirs.map((dir) => ({ dir, manifest: readManifest(dir) }));
  const first = manifests[0]!.manifest;
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  for (const { dir, manifest } of manifests.slice(1)) {
    if (!same(manifest.layout, first.layout))
      throw new ClassOutputError(`${dir} graded other exercises or another roster layout than ${manifests[0]!.dir}`);
    if (!same(manifest.rows, first.rows))
      throw new ClassOutputError(`${dir} graded another class (other submissions or roster) than ${manifests[0]!.dir}`);
  }
  // Two rows reading one report would show one student's grades twice and another's nowhere.
  const byFile = new Map<string, string>();
  for (const { id, file } of first.rows) {
    const other = byFile.get(file.toLowerCase());
    if (other !== undefined)
      throw new ClassOutputError(`${join(manifests[0]!.dir, MANIFEST)} gives ${other} and ${id} one report, ${file}`);
    byFile.set(file.toLowerCase(), id);
  }
  const owner = new Map<string, string>();
  for (const { dir, manifest } of manifests) {
    for (const id of manifest.graded) {
      const before = owner.get(id);
      if (before !== undefined) throw new ClassOutputError(`${id} was graded by two of them: ${before} and ${dir}`);
      owner.set(id, dir);
    }
  }
  const unowned = first.rows.filter((r) => !owner.has(r.id));
  if (unowned.length > 0)
    throw new ClassOutputError(
      `no output given holds ${unowned.length} of the class (${unowned
        .slice(0, 5)
        .map((r) => r.id)
        .join(', ')}${unowned.length > 5 ? ', …' : ''}): is a shard missing?`,
    );
  mkdirSync(outDir, { recursive: true });
  const reports = first.rows.map(({ id, file }) => {
    const from = join(owner.get(id)!, file);
    let text: string;
    try {
      text = readFileSync(from, 'utf8');
    } catch {
      throw new ClassOutputError(`${from}, the report of ${id}, cannot be read`);
    }
    if (resolve(from) !== resolve(join(outDir, file))) copyFileSync(from, join(outDir, file));
    return { report: JSON.parse(text) as StoredReport, fileName: file };
  });
  writeAtomically(join(outDir, 'gradebook.csv'), gradebookCsv(first.layout, reports));
  writeAtomically(join(outDir, MANIFEST), manifestText({ ...first, shard: null, graded: first.rows.map((r) => r.id) }));
  return { rows: reports.length, outDir };
}
