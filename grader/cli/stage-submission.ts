// Official grading takes only the learner-owned files of a submission: they are copied over the instructor's
// own copy of everything else, so an edited test, helper or fixture in a submission changes nothing.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { loadCourse, type Exercise } from '../course/course-metadata.js';

export interface Staged {
  dir: string;
  /** Files of the kit (tests, grader code) that the submission carries in another version: reported, never used. */
  changedKitFiles: string[];
}

/**
 * Lays out `stagingDir` like exercises/: the kit's files, then the learner-owned files from `source`, for every
 * exercise of `exercises`' courses (an exercise may build on another's file, as a search uses your Momentum).
 */
export function stageSubmission(kitRoot: string, source: string, exercises: Exercise[], stagingDir: string): Staged {
  for (const course of new Set(exercises.map((e) => e.course))) {
    const into = join(stagingDir, course);
    mkdirSync(into, { recursive: true });
    cpSync(join(kitRoot, 'exercises', course), into, { recursive: true });
    for (const exercise of loadCourse(kitRoot, course).exercises) {
      for (const file of exercise.files) {
        const learnerFile = join(source, course, file);
        // A missing learner file must be reported as missing, not graded as the kit's stub.
        if (existsSync(learnerFile)) cpSync(learnerFile, join(into, file));
        else rmSync(join(into, file), { force: true });
      }
    }
  }
  return { dir: stagingDir, changedKitFiles: changedKitFiles(kitRoot, source) };
}

function filesBelow(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * When a submission is a whole kit (its exercises/ beside its own grader/), the grader files it carries that
 * differ from the instructor's: worth telling the instructor, though the originals are what ran.
 */
export function changedKitFiles(kitRoot: string, source: string): string[] {
  if (basename(source) !== 'exercises') return [];
  const theirs = join(dirname(source), 'grader');
  return filesBelow(theirs)
    .map((file) => relative(dirname(source), file))
    .filter((file) => {
      const ours = join(kitRoot, file);
      return !existsSync(ours) || readFileSync(ours, 'utf8') !== readFileSync(join(dirname(source), file), 'utf8');
    })
    .sort();
}
