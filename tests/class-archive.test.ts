// A class's own archive, as platforms export it (grader/cli/class-archive.ts): which folder of it holds the
// submissions. The archive graded whole, beside its folder, is in grade-class.test.ts.
import { expect, test } from 'vitest';
import { classRootOf } from '../grader/cli/class-archive.js';
import type { SubmissionTree, TreeEntry } from '../grader/files/submission-tree.js';

const paths = ['optimizers/sgd.ts', 'optimizers/momentum.ts'];
/** A tree of the paths given, each file's folders listed too. */
function treeOf(files: string[]): SubmissionTree {
  const entries = new Map<string, TreeEntry>();
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 1; i < parts.length; i++) entries.set(parts.slice(0, i).join('/'), { kind: 'folder' });
    entries.set(file, { kind: 'file', size: 1 });
  }
  return { entries, read: () => undefined };
}

test('the submissions are at the top, or in the one folder everything is in, however deep', () => {
  expect(classRootOf(treeOf(['ann/optimizers/sgd.ts', 'ben.zip']), paths)).toBe('');
  // Gradescope's export: one folder, a folder per submission in it, and its metadata beside them.
  const exported = [
    'assignment_7_export/submission_1/optimizers/sgd.ts',
    'assignment_7_export/submission_metadata.yml',
  ];
  expect(classRootOf(treeOf(exported), paths)).toBe('assignment_7_export');
  expect(classRootOf(treeOf(exported.map((p) => `downloads/${p}`)), paths)).toBe('downloads/assignment_7_export');
  // Zipped on a Mac, with the resource forks macOS adds beside everything.
  expect(classRootOf(treeOf([...exported, '__MACOSX/assignment_7_export/._submission_1']), paths)).toBe(
    'assignment_7_export',
  );
  // Zips only: nothing in the folder is a submission of its own, so it holds them.
  expect(classRootOf(treeOf(['export/ann.zip', 'export/ben.zip']), paths)).toBe('export');
});

test('a class of one, whose folder holds the learner files itself, is not mistaken for the folder of the class', () => {
  expect(classRootOf(treeOf(['ann/optimizers/sgd.ts', 'ann/notes.txt']), paths)).toBe('');
  expect(classRootOf(treeOf(['class/ann/optimizers/momentum.ts']), paths)).toBe('class');
});
