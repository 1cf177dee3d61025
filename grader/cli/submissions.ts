// Finds the submissions of a class in a folder (one folder or one .zip each), reads each without following a link
// or opening a special file, zips in memory, and locates its learner files however deep the student put them.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Exercise } from '../course/course-metadata.js';
import { INTAKE_LIMITS, type IntakeLimits } from '../files/intake-limits.js';
import { entryOf, readFileBelow, readFolder } from '../files/read-folder.js';
import { readZip } from '../files/read-zip.js';
import { describeRefusal, RefusedSubmission, type Refusal } from '../files/refusal.js';
import { learnerView, type LearnerView } from '../files/learner-view.js';
import { learnerRootOf, refusalsOf, type SubmissionTree, type TreeEntry } from '../files/submission-tree.js';
import { courseFilesOf, locateLearnerFiles } from '../files/upload-layout.js';
import { MANIFEST } from './class-shards.js';
import { isZipName, submissionIds, type ClassEntry } from './submission-ids.js';

export interface ClassMember extends ClassEntry {
  /** Unique in the class: the gradebook's row and the JSON report's name (see submission-ids.ts). */
  id: string;
  path: string;
  /** Set for kind 'refused': a link or special file where a submission was expected. */
  refusal?: Refusal;
}

/** Why a submission could not be graded at all. */
export type SubmissionProblem =
  { kind: 'refused'; refusal: Refusal } | { kind: 'no-learner-files'; name: string; expected: string[] };

export function describeProblem(problem: SubmissionProblem): string {
  if (problem.kind === 'refused') return describeRefusal(problem.refusal);
  const names = [...new Set(problem.expected.map((path) => path.slice(path.indexOf('/') + 1)))];
  return (
    `${problem.name} holds none of the learner files (${names.join(', ')}), by themselves or in their course's ` +
    `folder (${problem.expected[0]})`
  );
}

/** A submission opened: its learner files wherever it holds them, or the problem; and what was refused in it. */
export interface OpenedSubmission {
  learner?: LearnerView;
  /** How its files were read, where a student should know (a file name two courses share). */
  notes: string[];
  problem?: SubmissionProblem;
  refusals: Refusal[];
}

/** A gradebook that an earlier run wrote into the class folder (its --out then): no student's submission. */
export const isGradebook = (folder: string): boolean =>
  existsSync(join(folder, MANIFEST)) && existsSync(join(folder, 'gradebook.csv'));

/**
 * The members of the class folder `dir`, sorted by name; `skip` is a folder in it that is not one (the output), nor
 * is a gradebook of an earlier run.
 */
export function listSubmissions(dir: string, skip?: string): ClassMember[] {
  const members: Array<Omit<ClassMember, 'id'>> = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name.startsWith('.') || (skip !== undefined && resolve(path) === resolve(skip))) continue;
    let entry: TreeEntry;
    try {
      entry = entryOf(lstatSync(path), name);
    } catch (error) {
      // Vanished or unreadable since the listing: its row says so, the others are graded.
      entry = {
        kind: 'refused',
        refusal: { kind: 'unreadable', path: name, reason: error instanceof Error ? error.message : String(error) },
      };
    }
    if (entry.kind === 'folder' && isGradebook(path)) continue;
    if (entry.kind === 'folder') members.push({ name, path, kind: 'folder' });
    else if (entry.kind === 'refused') members.push({ name, path, kind: 'refused', refusal: entry.refusal });
    else if (isZipName(name)) members.push({ name, path, kind: 'zip' });
    // Any other file (notes, a roster) is not a submission.
  }
  const ids = submissionIds(members);
  return members.map((m) => ({ ...m, id: ids.get(m.name)! }));
}

function treeOf(member: ClassMember, limits: IntakeLimits): SubmissionTree {
  if (member.refusal) throw new RefusedSubmission(member.refusal);
  if (member.kind === 'folder') return readFolder(member.path, member.name, limits);
  const archive = readFileBelow(join(member.path, '..'), member.name, member.name, limits.maxArchiveBytes);
  if (archive?.refusal)
    throw new RefusedSubmission(
      archive.refusal.kind === 'file-too-large' ? { kind: 'archive-too-large', path: member.name } : archive.refusal,
    );
  if (!archive)
    throw new RefusedSubmission({ kind: 'unreadable', path: member.name, reason: 'it vanished while being read' });
  return readZip(archive.bytes, member.name, limits);
}

/**
 * Opens `member` and finds its learner files, some of `paths` (<course>/<file>.ts, …): laid out like exercises/ or by
 * themselves, however deep (as a Gradescope upload's are found).
 */
export function openSubmission(
  member: ClassMember,
  paths: string[],
  limits: IntakeLimits = INTAKE_LIMITS,
): OpenedSubmission {
  let tree: SubmissionTree;
  try {
    tree = treeOf(member, limits);
  } catch (error) {
    if (error instanceof RefusedSubmission)
      return { problem: { kind: 'refused', refusal: error.refusal }, notes: [], refusals: [] };
    throw error;
  }
  const refusals = refusalsOf(tree);
  const layout = locateLearnerFiles(tree.entries, courseFilesOf(paths));
  if (!layout)
    return { problem: { kind: 'no-learner-files', name: member.name, expected: paths }, notes: [], refusals };
  return { learner: learnerView(tree, layout), notes: layout.notes, refusals };
}

/** The folder under `root` holding <course>/<learner file> for some exercise, the shallowest one (for --target). */
export function findLearnerRoot(root: string, exercises: Exercise[]): string | undefined {
  try {
    const found = learnerRootOf(
      readFolder(root, root),
      exercises.flatMap((e) => e.files.map((f) => `${e.course}/${f}`)),
    );
    return found === undefined ? undefined : join(root, found);
  } catch (error) {
    if (error instanceof RefusedSubmission) return undefined;
    throw error;
  }
}
