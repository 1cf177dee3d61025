// A class's own archive, as platforms export it (grader/cli/class-archive.ts): which folder of it holds the
// submissions. The archive graded whole, beside its folder, is in grade-class.test.ts.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ClassArchiveError, classRootOf, unpackClassArchive } from '../grader/cli/class-archive.js';
import type { SubmissionTree, TreeEntry } from '../grader/files/submission-tree.js';
import { FIFO_MODE, SYMLINK_MODE, withDeclaredSize, zipOf } from './adversarial/class/zip-bytes.js';

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

test('hostile entries of a class archive: a link or a pipe is left out with a note, a climb out or a lie stops it all', () => {
  const work = mkdtempSync(join(tmpdir(), 'class-archive-'));
  // The grader's temporary folders go to a folder of this test's own, to see which are left.
  const temporary = join(work, 'tmp');
  mkdirSync(temporary);
  const before = process.env.TMPDIR;
  process.env.TMPDIR = temporary;
  try {
    const archive = join(work, 'class.zip');
    writeFileSync(
      archive,
      zipOf({
        'export/ann/optimizers/sgd.ts': 'export class SGD {}\n',
        'export/ben/optimizers/sgd.ts': { data: '/etc/passwd', mode: SYMLINK_MODE },
        'export/cat/optimizers/sgd.ts': { data: '', mode: FIFO_MODE },
      }),
    );
    const { folder, notes } = unpackClassArchive(archive, 'class.zip', paths);
    expect(readdirSync(folder).sort()).toEqual(['ann', 'ben', 'cat']);
    expect(readFileSync(join(folder, 'ann', 'optimizers', 'sgd.ts'), 'utf8')).toBe('export class SGD {}\n');
    for (const who of ['ben', 'cat']) expect(existsSync(join(folder, who, 'optimizers', 'sgd.ts'))).toBe(false);
    expect(notes).toEqual([
      'class.zip: export/ben/optimizers/sgd.ts is a symbolic link; it was left out',
      'class.zip: export/cat/optimizers/sgd.ts is a named pipe, not a file; it was left out',
    ]);
    // Nothing of these is unpacked anywhere: each stops the whole archive, which names what is wrong.
    for (const [bytes, says] of [
      [
        zipOf({ 'export/ann/optimizers/sgd.ts': 'x', '../escape.ts': 'x' }),
        'it holds a path outside the archive (../escape.ts)',
      ],
      [
        withDeclaredSize(zipOf({ 'ann/optimizers/sgd.ts': 'x'.repeat(4096) }), 'ann/optimizers/sgd.ts', 10),
        'ann/optimizers/sgd.ts unpacks to more bytes than the archive declares',
      ],
      [new TextEncoder().encode('not a zip'), 'it is not a zip archive (or it is damaged)'],
    ] as const) {
      writeFileSync(archive, bytes);
      expect(() => unpackClassArchive(archive, 'class.zip', paths)).toThrow(ClassArchiveError);
      expect(() => unpackClassArchive(archive, 'class.zip', paths)).toThrow(says);
    }
    expect(existsSync(join(work, 'escape.ts'))).toBe(false);
    // The archive that unpacked keeps its folder (the grader removes it at exit); what a forged entry stopped does not.
    expect(readdirSync(temporary)).toEqual([folder.slice(temporary.length + 1)]);
  } finally {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(work, { recursive: true, force: true });
  }
});
