// A course stands on its own: in a copy of the kit with the first course's folders deleted, the second still
// builds, grades, checks and releases.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expectSuccess } from './course-plugins-shared.js';
import { makeRepoCopy, npmRun } from './kit-sandbox.js';

let copy: ReturnType<typeof makeRepoCopy>;
beforeAll(() => {
  copy = makeRepoCopy();
  for (const top of ['courses', 'solutions', 'exercises', 'grader'])
    rmSync(join(copy.root, top, 'optimizers'), { recursive: true, force: true });
});
afterAll(() => copy?.dispose());

test('builds and grades', () => {
  expectSuccess(npmRun(copy.root, 'build'), 'npm run build');
  const graded = npmRun(copy.root, 'grade', ['--target', 'solutions']);
  expectSuccess(graded, 'npm run grade -- --target solutions');
  expect(graded.output).not.toMatch(/optimizer/i);
}, 120_000);

test('checks and releases', () => {
  expectSuccess(npmRun(copy.root, 'check'), 'npm run check');
  expectSuccess(npmRun(copy.root, 'release'), 'npm run release');
  expect(existsSync(join(copy.root, 'release', 'student-kit', 'exercises', 'backprop'))).toBe(true);
  expect(existsSync(join(copy.root, 'release', 'student-kit', 'exercises', 'optimizers'))).toBe(false);
}, 180_000);
