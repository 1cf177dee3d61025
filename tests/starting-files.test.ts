// "Your starting code" and `npm run reset` show an exercise's file as it started: a kit's pristine copy when it has
// one (the learner may have changed exercises/ since), else the generated stub in exercises/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { kitCourseFiles, pristinePath, startingFile } from '../grader/course/starting-files.js';

const root = mkdtempSync(join(tmpdir(), 'starting-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a kit reads the pristine copy; a repository without one reads exercises/', () => {
  mkdirSync(join(root, 'exercises', 'c'), { recursive: true });
  writeFileSync(join(root, 'exercises', 'c', 'a.ts'), '// the learner’s work in progress\n');
  expect(startingFile(root, 'c', 'a.ts')).toBe(join('exercises', 'c', 'a.ts'));
  mkdirSync(join(root, 'grader', 'pristine', 'c'), { recursive: true });
  writeFileSync(join(root, pristinePath('c', 'a.ts')), '// as it started\n');
  expect(startingFile(root, 'c', 'a.ts')).toBe(join('grader', 'pristine', 'c', 'a.ts'));
});

test("a course's kit files are its pristine folder's, whatever the learner added to exercises/; without one, exercises/'s own", () => {
  const repo = mkdtempSync(join(tmpdir(), 'kit-files-'));
  try {
    mkdirSync(join(repo, 'exercises', 'c', 'data'), { recursive: true });
    writeFileSync(join(repo, 'exercises', 'c', 'a.ts'), '');
    writeFileSync(join(repo, 'exercises', 'c', 'data', 'b.json'), '{}');
    const listed = (files: Map<string, string>) => [...files.keys()].sort();
    expect(listed(kitCourseFiles(repo, 'c'))).toEqual(['a.ts', join('data', 'b.json')]);
    expect(kitCourseFiles(repo, 'c').get('a.ts')).toBe(join(repo, 'exercises', 'c', 'a.ts'));
    expect(listed(kitCourseFiles(repo, 'no-such-course'))).toEqual([]);
    // The instructor's repository: solutions/ says which files of exercises/ are the kit's.
    mkdirSync(join(repo, 'solutions', 'c', 'data'), { recursive: true });
    writeFileSync(join(repo, 'solutions', 'c', 'a.ts'), '');
    writeFileSync(join(repo, 'solutions', 'c', 'data', 'b.json'), '{}');
    writeFileSync(join(repo, 'exercises', 'c', 'mine.ts'), '');
    expect(listed(kitCourseFiles(repo, 'c'))).toEqual(['a.ts', join('data', 'b.json')]);
    expect(kitCourseFiles(repo, 'c').get('a.ts')).toBe(join(repo, 'exercises', 'c', 'a.ts'));
    // A kit: the release's copies decide, and a file the learner added beside them is none of them.
    mkdirSync(join(repo, 'grader', 'pristine', 'c'), { recursive: true });
    writeFileSync(join(repo, pristinePath('c', 'a.ts')), '');
    writeFileSync(join(repo, 'exercises', 'c', 'helper.ts'), '');
    expect(listed(kitCourseFiles(repo, 'c'))).toEqual(['a.ts']);
    expect(kitCourseFiles(repo, 'c').get('a.ts')).toBe(join(repo, pristinePath('c', 'a.ts')));
  } finally {
    rmSync(repo, { recursive: true, force: true });
  }
});
