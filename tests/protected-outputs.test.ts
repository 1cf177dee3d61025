// Where grade's --out may go, decided before any grading: the cases a CLI test would take a process each to show.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { MANIFEST } from '../grader/cli/class-shards.js';
import { gradebookContentsProblem, gradebookFolderProblem } from '../grader/cli/protected-outputs.js';
import { reportFileProblem } from '../grader/files/replaceable-file.js';

let root: string;
let submissions: string;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'protected-outputs-'));
  submissions = join(root, 'class');
  mkdirSync(join(submissions, 'alice', 'optimizers'), { recursive: true });
  writeFileSync(join(submissions, 'alice', 'optimizers', 'sgd.ts'), 'export class SGD {}\n');
  mkdirSync(join(submissions, 'empty'));
  mkdirSync(join(submissions, 'gradebook'));
  writeFileSync(join(submissions, 'gradebook', MANIFEST), '{}\n');
  writeFileSync(join(submissions, 'gradebook', 'gradebook.csv'), 'student\n');
  writeFileSync(join(submissions, 'bob.zip'), 'PK');
  symlinkSync(join(submissions, 'alice'), join(submissions, 'carol'));
  mkdirSync(join(submissions, '..dan'));
  writeFileSync(join(submissions, '..dan', 'sgd.ts'), 'export class SGD {}\n');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a gradebook may go outside the class, in its folder itself, or in a folder of its own directly in it', () => {
  for (const out of [
    join(root, 'grades'),
    root,
    submissions,
    join(submissions, 'new'),
    join(submissions, 'empty'),
    join(submissions, 'gradebook'),
    join(submissions, 'gradebook', 'older'),
  ])
    expect(gradebookFolderProblem(out, submissions), out).toBeUndefined();
});

test('never in a submission, a link standing for one, or a new folder that the next run would take for one', () => {
  expect(gradebookFolderProblem(join(submissions, 'alice'), submissions)).toMatch(/^it is alice, a submission/);
  expect(gradebookFolderProblem(join(submissions, 'alice', 'optimizers'), submissions)).toMatch(/^it is inside alice/);
  expect(gradebookFolderProblem(join(submissions, 'carol'), submissions)).toMatch(/^it is carol, a submission/);
  expect(gradebookFolderProblem(join(submissions, 'bob.zip'), submissions)).toMatch(/^it is bob\.zip, a submission/);
  // A name that starts with two dots is still inside.
  expect(gradebookFolderProblem(join(submissions, '..dan'), submissions)).toMatch(/^it is \.\.dan, a submission/);
  expect(gradebookFolderProblem(join(submissions, 'new', 'deeper'), submissions)).toMatch(/^it would make new/);
});

test('a report never replaces a learner file, there or not, nor existing code; anything else may be replaced', () => {
  const learner = join(submissions, 'alice', 'optimizers', 'sgd.ts');
  const missing = join(submissions, 'alice', 'optimizers', 'momentum.ts');
  expect(reportFileProblem(learner, [learner, missing])).toMatch(/^it is a learner file/);
  expect(reportFileProblem(missing, [learner, missing])).toMatch(/^it is where a learner file goes/);
  expect(reportFileProblem(join(submissions, '..dan', 'sgd.ts'), [])).toBe(
    'it is a .ts file, which the report would replace',
  );
  expect(reportFileProblem(join(root, 'report.ts'), [])).toBeUndefined(); // no code there yet
  expect(reportFileProblem(join(submissions, 'gradebook', 'gradebook.csv'), [learner])).toBeUndefined();
});

test("a gradebook's folder is new, empty, or a gradebook already: never one whose files a report could replace", () => {
  expect(gradebookContentsProblem(join(root, 'not-yet'))).toBeUndefined();
  expect(gradebookContentsProblem(join(submissions, 'empty'))).toBeUndefined();
  expect(gradebookContentsProblem(join(submissions, 'gradebook'))).toBeUndefined();
  expect(gradebookContentsProblem(submissions)).toBe(
    "it holds files that are not a gradebook's (..dan, alice, bob.zip and 3 more), which reports named after students could replace",
  );
});
