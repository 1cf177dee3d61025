// Official grading takes only the learner-owned files of a submission: they are copied over the instructor's
// own copy of everything else, so an edited test, helper or fixture in a submission changes nothing. They are read
// without following links or opening special files, within the intake limits, whatever the submission holds.
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  type Dirent,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { loadCourse, type Exercise } from '../course/course-metadata.js';
import { kitCourseFiles } from '../course/starting-files.js';
import { INTAKE_LIMITS } from '../files/intake-limits.js';
import { readFileBelow, readFolder } from '../files/read-folder.js';
import { RefusedSubmission, type Refusal } from '../files/refusal.js';
import type { SubmissionTree } from '../files/submission-tree.js';

export interface Staged {
  dir: string;
  /** Files of the kit (tests, grader code) that the submission carries in another version: reported, never used. */
  changedKitFiles: string[];
  /** Entries of the submission that were not used (links, special files, files too large): reported to the learner. */
  refusals: Refusal[];
}

/** What grading takes from a submission, read once: its learner files' bytes, and what to report about the rest. */
export interface SubmissionFiles {
  /** By path relative to exercises/ (e.g. <course>/<file>.ts); a learner file absent or refused is not listed. */
  learnerFiles: Map<string, Uint8Array>;
  changedKitFiles: string[];
  refusals: Refusal[];
}

/** The course a path relative to exercises/ (`<course>/<file>`) is in. */
export const courseOf = (path: string): string => path.slice(0, path.indexOf('/'));

/** Every learner-owned file of `exercises`' courses, relative to exercises/ (an exercise may use another's file). */
export function learnerFilePaths(kitRoot: string, exercises: Exercise[]): string[] {
  return [...new Set(exercises.map((e) => e.course))].flatMap((course) =>
    loadCourse(kitRoot, course).exercises.flatMap((e) => e.files.map((f) => `${course}/${f}`)),
  );
}

/**
 * Reads the learner files `paths` from `learner` (a tree laid out like exercises/), and compares the grader
 * files of `kitSide` (the grader/ beside it, when the submission is a whole kit) with the kit's own.
 */
export function gatherSubmission(
  kitRoot: string,
  learner: Pick<SubmissionTree, 'read'>,
  kitSide: SubmissionTree | undefined,
  paths: string[],
): SubmissionFiles {
  const learnerFiles = new Map<string, Uint8Array>();
  const refusals: Refusal[] = [];
  for (const path of paths) {
    const found = learner.read(path);
    if (found?.bytes) learnerFiles.set(path, found.bytes);
    // A refused folder on the way refuses every file below it: it is reported once.
    else if (found?.refusal && !refusals.some((r) => JSON.stringify(r) === JSON.stringify(found.refusal)))
      refusals.push(found.refusal);
  }
  const changedKitFiles: string[] = [];
  for (const [path, entry] of kitSide?.entries ?? []) {
    if (entry.kind !== 'file' || !path.endsWith('.ts')) continue;
    const theirs = kitSide!.read(path);
    if (!theirs?.bytes) continue;
    const ours = join(kitRoot, 'grader', path);
    if (!existsSync(ours) || !Buffer.from(theirs.bytes).equals(readFileSync(ours)))
      changedKitFiles.push(`grader/${path}`);
  }
  return { learnerFiles, changedKitFiles: changedKitFiles.sort(), refusals };
}

/**
 * The learner files among `refusals` (by `<course>/<file>`, as `paths` names them), each with what `say` makes of
 * its refusal, for the sessions to give as its exercise's verdict; undefined when none of them was refused.
 * `learnerPathOf`: the learner file a refusal's path stands for (the path itself where the refusals' paths are
 * relative to a folder laid out like exercises/; see learner-view.ts for a submission's).
 */
export function refusedLearnerFiles(
  refusals: Refusal[],
  paths: string[],
  say: (refusal: Refusal) => string,
  learnerPathOf: (path: string) => string | undefined = (path) => path,
): Record<string, string> | undefined {
  const refused = refusals.flatMap((r) => {
    const path = learnerPathOf(r.path);
    return path !== undefined && paths.includes(path) ? [[path, say(r)] as const] : [];
  });
  return refused.length > 0 ? Object.fromEntries(refused) : undefined;
}

/**
 * Lays out `stagingDir` like exercises/: the kit's own copy of every file of each course of `paths` that no learner
 * owns (never a file a learner added or changed in the kit's exercises/: grading here and for the record take the
 * same files), then the learner's files.
 */
export function stageFiles(kitRoot: string, files: SubmissionFiles, paths: string[], stagingDir: string): string {
  const learnerOwned = new Set(paths);
  for (const course of new Set(paths.map(courseOf))) {
    mkdirSync(join(stagingDir, course), { recursive: true });
    // The kit's copy of a learner file is never staged: a file missing or refused is graded as missing, not as the stub.
    for (const [name, copy] of kitCourseFiles(kitRoot, course)) {
      if (learnerOwned.has(`${course}/${name}`)) continue;
      mkdirSync(dirname(join(stagingDir, course, name)), { recursive: true });
      cpSync(copy, join(stagingDir, course, name));
    }
  }
  for (const [path, bytes] of files.learnerFiles) {
    mkdirSync(dirname(join(stagingDir, path)), { recursive: true });
    writeFileSync(join(stagingDir, path), bytes, { flag: 'wx' });
  }
  return stagingDir;
}

/** Files a learner's code could import (the bundler's loaders): a file of one's own with another ending is no code. */
const CODE_FILE = /\.[cm]?[jt]sx?$/;

/**
 * What the learner's folder `source` (laid out like exercises/) holds beside what grading takes from it, course by
 * course, for notes: code files of their own (`added`, never graded: grading takes the learner-owned `paths` and
 * the kit's copies of the rest) and the kit's files they changed (`changed`: the kit's copy is graded). Paths are
 * relative to `source`. Only a course folder's own entries are looked at, and only regular files.
 */
export function filesNotGraded(
  kitRoot: string,
  source: string,
  paths: string[],
): { added: string[]; changed: string[] } {
  const added: string[] = [];
  const changed: string[] = [];
  for (const course of new Set(paths.map(courseOf))) {
    let entries: Dirent[];
    try {
      // A course folder that is a link, or no folder, is refused or missing: its own notes say so.
      if (!lstatSync(join(source, course)).isDirectory()) continue;
      entries = readdirSync(join(source, course), { withFileTypes: true });
    } catch {
      continue;
    }
    const kit = kitCourseFiles(kitRoot, course);
    for (const entry of entries) {
      const path = `${course}/${entry.name}`;
      if (!entry.isFile() || paths.includes(path)) continue;
      const copy = kit.get(entry.name);
      if (copy === undefined) {
        if (CODE_FILE.test(entry.name)) added.push(path);
        continue;
      }
      const theirs = readFileBelow(source, path, path, INTAKE_LIMITS.maxFileBytes);
      if (!theirs?.bytes || !Buffer.from(theirs.bytes).equals(readFileSync(copy))) changed.push(path);
    }
  }
  return { added: added.sort(), changed: changed.sort() };
}

/** The grader/ beside `source` when `source` is the exercises/ folder of a whole kit, as a tree; else undefined. */
function graderBeside(source: string, refusals: Refusal[]): SubmissionTree | undefined {
  if (basename(source) !== 'exercises') return undefined;
  const grader = join(dirname(source), 'grader');
  try {
    if (!lstatSync(grader).isDirectory()) return undefined;
    return readFolder(grader, 'grader');
  } catch (error) {
    if (error instanceof RefusedSubmission) refusals.push(error.refusal);
    return undefined;
  }
}

/**
 * Lays out `stagingDir` like exercises/ from the folder `source`: the kit's files, then the learner-owned files
 * from `source`, for every exercise of `exercises`' courses.
 */
export function stageSubmission(kitRoot: string, source: string, exercises: Exercise[], stagingDir: string): Staged {
  const paths = learnerFilePaths(kitRoot, exercises);
  const refusals: Refusal[] = [];
  const kitSide = graderBeside(source, refusals);
  const learner = { read: (path: string) => readFileBelow(source, path, path, INTAKE_LIMITS.maxFileBytes) };
  const files = gatherSubmission(kitRoot, learner, kitSide, paths);
  stageFiles(kitRoot, files, paths, stagingDir);
  return { dir: stagingDir, changedKitFiles: files.changedKitFiles, refusals: [...refusals, ...files.refusals] };
}
