// Finding the learner files in an upload, whatever its layout: the pure function's rules, on listings alone.
import { describe, expect, test } from 'vitest';
import { locateLearnerFiles, type CourseFiles } from '../grader/files/upload-layout.js';
import type { TreeEntry } from '../grader/files/submission-tree.js';

const courses: CourseFiles[] = [
  { id: 'alpha', files: ['one.ts', 'two.ts', 'three.ts'] },
  { id: 'beta', files: ['four.ts', 'shared.ts'] },
];
const listing = (paths: string[], refused: string[] = []): Map<string, TreeEntry> => {
  const entries = new Map<string, TreeEntry>();
  for (const path of paths) {
    const parts = path.split('/');
    for (let i = 1; i < parts.length; i++) entries.set(parts.slice(0, i).join('/'), { kind: 'folder' });
    entries.set(path, { kind: 'file', size: 10 });
  }
  for (const path of refused) entries.set(path, { kind: 'refused', refusal: { kind: 'symlink', path } });
  return entries;
};
const sources = (paths: string[], list = courses) =>
  Object.fromEntries(locateLearnerFiles(listing(paths), list)!.sources);

describe('the three layouts give the same learner files', () => {
  const expected = { 'alpha/one.ts': expect.any(String), 'alpha/two.ts': expect.any(String) };
  test.each([
    ['flat, at the top', ['one.ts', 'two.ts'], 'flat', ''],
    ['flat, one folder down', ['my-work/one.ts', 'my-work/two.ts'], 'flat', 'my-work'],
    ['course folder, at the top', ['alpha/one.ts', 'alpha/two.ts'], 'course-folders', ''],
    ['course folder, in a folder', ['my-work/alpha/one.ts', 'my-work/alpha/two.ts'], 'course-folders', 'my-work'],
    [
      'the repository',
      ['repo/exercises/alpha/one.ts', 'repo/exercises/alpha/two.ts', 'repo/README.md'],
      'course-folders',
      'repo/exercises',
    ],
  ])('%s', (_, paths, kind, root) => {
    const layout = locateLearnerFiles(listing(paths), courses)!;
    expect(layout).toMatchObject({ kind, root, courses: ['alpha'], notes: [] });
    expect(Object.fromEntries(layout.sources)).toEqual(expected);
    for (const [, at] of layout.sources) expect(paths).toContain(at);
  });
});

test('an upload with no learner file has no layout; other files never count', () => {
  expect(locateLearnerFiles(listing(['notes.txt', 'alpha/other.ts']), courses)).toBeUndefined();
  expect(locateLearnerFiles(new Map(), courses)).toBeUndefined();
});

test('the repository layout wins over the course folder seen as flat files; a shallower flat folder wins over a deep copy', () => {
  expect(locateLearnerFiles(listing(['exercises/alpha/one.ts']), courses)?.kind).toBe('course-folders');
  const layout = locateLearnerFiles(listing(['one.ts', 'old/copy/alpha/one.ts']), courses)!;
  expect(layout).toMatchObject({ kind: 'flat', root: '' });
  expect(Object.fromEntries(layout.sources)).toEqual({ 'alpha/one.ts': 'one.ts' });
});

test('files of several courses, flat, each go to their own course', () => {
  expect(sources(['one.ts', 'four.ts'])).toEqual({ 'alpha/one.ts': 'one.ts', 'beta/four.ts': 'four.ts' });
  expect(locateLearnerFiles(listing(['one.ts', 'four.ts']), courses)?.courses).toEqual(['alpha', 'beta']);
});

describe('a file name two courses share, uploaded flat', () => {
  const sharing: CourseFiles[] = [
    { id: 'alpha', files: ['one.ts', 'shared.ts'] },
    { id: 'beta', files: ['four.ts', 'shared.ts'] },
  ];
  test('goes to the course whose other files are there, and says so', () => {
    const layout = locateLearnerFiles(listing(['four.ts', 'shared.ts']), sharing)!;
    expect(Object.fromEntries(layout.sources)).toEqual({ 'beta/four.ts': 'four.ts', 'beta/shared.ts': 'shared.ts' });
    expect(layout.courses).toEqual(['beta']);
    expect(layout.notes).toEqual([
      "shared.ts is a file of beta and alpha: it was graded as beta's, since the other files you uploaded are beta's",
    ]);
  });
  test('with nothing to decide, goes to the first course, and says how to choose another', () => {
    const layout = locateLearnerFiles(listing(['shared.ts']), sharing)!;
    expect(Object.fromEntries(layout.sources)).toEqual({ 'alpha/shared.ts': 'shared.ts' });
    expect(layout.notes[0]).toMatch(/graded as alpha's, the first of them .*beta\/shared\.ts/);
  });
  test('in course folders, it is never ambiguous', () => {
    const layout = locateLearnerFiles(listing(['beta/shared.ts']), sharing)!;
    expect(Object.fromEntries(layout.sources)).toEqual({ 'beta/shared.ts': 'beta/shared.ts' });
    expect(layout.notes).toEqual([]);
  });
});

test('a link named like a learner file places nothing, but is listed where the learner files are, to be reported', () => {
  expect(locateLearnerFiles(listing([], ['one.ts']), courses)).toBeUndefined();
  const layout = locateLearnerFiles(listing(['two.ts'], ['one.ts', 'deep/alpha/three.ts']), courses)!;
  expect(Object.fromEntries(layout.sources)).toEqual({ 'alpha/one.ts': 'one.ts', 'alpha/two.ts': 'two.ts' });
});
