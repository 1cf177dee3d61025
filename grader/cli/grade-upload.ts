// Grading an upload (Gradescope's /autograder/submission): the student dragged in their files, with or without
// the course folders, or a folder or .zip holding them. The learner files are found by their names in the course
// manifests (see upload-layout.ts), read without following links or opening special files, within the intake
// limits, and graded with every other file from the kit. Messages speak to the student who uploaded them.
import type { Course, Exercise } from '../course/course-metadata.js';
import { readFolder } from '../files/read-folder.js';
import { readZip } from '../files/read-zip.js';
import { describeRefusal, RefusedSubmission, type Refusal } from '../files/refusal.js';
import { refusalsOf, type SubmissionTree } from '../files/submission-tree.js';
import { learnerView } from '../files/learner-view.js';
import { locateLearnerFiles, type UploadLayout } from '../files/upload-layout.js';
import type { Grader } from './grade-folder.js';
import type { ExerciseReport } from './grade-report.js';
import { gatherSubmission, learnerFilePaths } from './stage-submission.js';
import { isZipName } from './submission-ids.js';

const NAME = 'your submission';

/** The upload as a tree, or why it cannot be read at all. */
function readUpload(target: string): { tree?: SubmissionTree; refusal?: Refusal } {
  try {
    return { tree: readFolder(target, NAME) };
  } catch (error) {
    if (error instanceof RefusedSubmission) return { refusal: error.refusal };
    throw error;
  }
}

/** An upload of one .zip and nothing else of use: the zip's contents (Gradescope unpacks most, not every, zip). */
function zipInside(tree: SubmissionTree): { tree?: SubmissionTree; refusal?: Refusal } | undefined {
  const zips = [...tree.entries].filter(([path, e]) => e.kind === 'file' && !path.includes('/') && isZipName(path));
  if (zips.length !== 1) return undefined;
  const [name] = zips[0]!;
  const found = tree.read(name);
  if (found?.refusal)
    return {
      refusal: found.refusal.kind === 'file-too-large' ? { kind: 'archive-too-large', path: name } : found.refusal,
    };
  if (!found) return undefined;
  try {
    return { tree: readZip(found.bytes, name) };
  } catch (error) {
    if (error instanceof RefusedSubmission) return { refusal: error.refusal };
    throw error;
  }
}

export interface UploadGrade {
  reports: ExerciseReport[];
  /** For the student: how the files were read, what was refused and why, which course was not graded. */
  notes: string[];
}

/**
 * Grades the upload in folder `target` on `exercises`: only the courses it holds learner files of (all of
 * `exercises`' courses when it holds none), the others named in a note.
 */
export async function gradeUpload(
  grader: Grader,
  kitRoot: string,
  target: string,
  exercises: Exercise[],
  courses: Course[],
): Promise<UploadGrade> {
  const selected = courses
    .map((c) => ({ id: c.id, files: [...new Set(c.exercises.flatMap((e) => e.files))] }))
    .filter((c) => exercises.some((e) => e.course === c.id));
  const notes: string[] = [];
  const refusals: Refusal[] = [];
  const read = readUpload(target);
  let tree = read.tree;
  if (read.refusal) refusals.push(read.refusal);
  let layout: UploadLayout | undefined = tree ? locateLearnerFiles(tree.entries, selected) : undefined;
  if (tree && !layout) {
    const zip = zipInside(tree);
    if (zip?.refusal) refusals.push(zip.refusal);
    if (zip?.tree) {
      refusals.push(...refusalsOf(tree));
      tree = zip.tree;
      layout = locateLearnerFiles(tree.entries, selected);
    }
  }
  const gradedCourses = layout && layout.courses.length > 0 ? layout.courses : selected.map((c) => c.id);
  const graded = exercises.filter((e) => gradedCourses.includes(e.course));
  const paths = learnerFilePaths(kitRoot, graded);
  const view = tree && layout ? learnerView(tree, layout) : undefined;
  let files;
  try {
    files = gatherSubmission(kitRoot, view ?? { read: () => undefined }, view?.kitSide, paths);
  } catch (error) {
    // A forged zip shows itself when read: nothing of it is used.
    if (!(error instanceof RefusedSubmission)) throw error;
    refusals.push(error.refusal);
    files = gatherSubmission(kitRoot, { read: () => undefined }, undefined, paths);
  }
  if (tree) refusals.push(...refusalsOf(tree));
  refusals.push(...files.refusals);

  if (!layout) {
    const names = selected.flatMap((c) => c.files);
    notes.push(
      `Your submission holds none of the files this assignment grades (${names.join(', ')}): upload your files themselves (or the folder or .zip holding them), then submit again.`,
    );
  }
  notes.push(...(layout?.notes ?? []));
  const seen = new Set<string>();
  for (const refusal of refusals) {
    const text = `${describeRefusal(refusal)} (it was not graded)`;
    if (!seen.has(text)) notes.push(text);
    seen.add(text);
  }
  notes.push(...files.changedKitFiles.map((f) => `your ${f} differs from the original; the original was used`));
  for (const course of selected.filter((c) => !gradedCourses.includes(c.id)))
    notes.push(
      `No file of the course ${course.id} (${course.files.join(', ')}) was found, so it was not graded; upload them if this assignment includes it.`,
    );
  return { reports: await grader.gradeUpload(graded, files, paths, NAME), notes };
}
