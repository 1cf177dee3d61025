// "Your starting code" and `npm run reset` show an exercise's file as it started: a kit's pristine copy when it has
// one (the learner may have changed exercises/ since), else the generated stub in exercises/.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { pristinePath, startingFile } from '../grader/course/starting-files.js';

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
