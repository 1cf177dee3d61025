// The maintainer's commands as a maintainer meets them, in a copy of the kit: `npm run new` scaffolds an
// exercise that the grader and the gate then know with no list in code touched, and `npm run reset` restores a
// learner's file while keeping theirs.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCourses } from '../grader/course/course-metadata.js';
import { KIT_ROOT, makeRepoCopy, runKitScript } from './kit-sandbox.js';

const courses = loadCourses(KIT_ROOT);
const course = courses[0]!.id;
const exerciseCount = courses.reduce((n, c) => n + c.exercises.length, 0);

// The whole repository: the gate type-checks every file tsconfig.json includes.
let sandbox: ReturnType<typeof makeRepoCopy>;
beforeAll(() => {
  sandbox = makeRepoCopy();
});
afterAll(() => sandbox.dispose());

const run = (script: string, args: string[]) => runKitScript(sandbox.root, script, args, 120_000);

test('npm run new -- <course>/line-search scaffolds an exercise the grader and the gate know at once', () => {
  const created = run('scripts/new-exercise.ts', [`${course}/line-search`]);
  expect(created.status, created.stderr).toBe(0);
  for (const file of [
    `solutions/${course}/line-search.ts`,
    `grader/${course}/line-search.test.ts`,
    `courses/${course}/line-search.md`,
    `exercises/${course}/line-search.ts`,
  ]) {
    expect(existsSync(join(sandbox.root, file)), file).toBe(true);
  }
  expect(readFileSync(join(sandbox.root, `courses/${course}/info.toml`), 'utf8')).toMatch(
    /\[\[exercises\]\]\nid = "line-search"/,
  );
  expect(readFileSync(join(sandbox.root, `exercises/${course}/line-search.ts`), 'utf8')).toContain(
    "throw new Error('not implemented yet: write lineSearch()');",
  );

  const solved = run('grader/cli/grade.ts', ['line-search', '--target', 'solutions', '--format', 'json']);
  expect(solved.status, solved.stdout + solved.stderr).toBe(0);
  const stub = run('grader/cli/grade.ts', ['line-search', '--format', 'json']);
  expect(stub.status).toBe(1);
  expect(stub.stdout).toContain('not implemented yet: write lineSearch()');
  expect(run('scripts/new-exercise.ts', [`${course}/line-search`]).status).toBe(2); // never twice

  const gate = run('scripts/check.ts', []);
  expect(gate.stdout).toContain('✓ the kit type-checks');
  expect(gate.stdout).toContain(`✓ every solution passes its suite (${exerciseCount + 1} exercises)`);
  expect(gate.status, gate.stdout).toBe(0);
});

test('npm run reset <id> restores the starting file and keeps the learner’s version as a backup', () => {
  const exercise = courses[0]!.exercises[0]!;
  const file = join(sandbox.root, 'exercises', exercise.course, exercise.files[0]!);
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, `${original}\n// my work in progress\n`);
  const reset = run('scripts/reset.ts', [exercise.id.toUpperCase()]); // ids match in any case
  expect(reset.status, reset.stderr).toBe(0);
  expect(readFileSync(file, 'utf8')).toBe(original);
  const backups = readdirSync(join(sandbox.root, '.grade', 'backups'));
  expect(backups).toHaveLength(1);
  expect(readFileSync(join(sandbox.root, '.grade', 'backups', backups[0]!), 'utf8')).toContain('my work in progress');
});
