// `npm run reset` as a learner meets it, in a copy of the kit: it restores the starting file and keeps theirs.
// (`npm run new`, the maintainer's scaffold, is tested with every course in course-plugins.test.ts.)
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCourses } from '../grader/course/course-metadata.js';
import { resetCommand } from '../grader/course/reset-command.js';
import { KIT_ROOT, makeRepoCopy, runKitScript } from './kit-sandbox.js';

const courses = loadCourses(KIT_ROOT);
let sandbox: ReturnType<typeof makeRepoCopy>;
beforeAll(() => {
  sandbox = makeRepoCopy();
});
afterAll(() => sandbox.dispose());

const run = (script: string, args: string[]) => runKitScript(sandbox.root, script, args, 120_000);

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
  // The backup keeps the file's ending, and the learner is told how to go back to it.
  expect(backups[0]!.endsWith(`.${exercise.files[0]!.split('.').pop()}`)).toBe(true);
  expect(reset.stdout).toContain(`.grade/backups/${backups[0]}; to go back to it, copy it over exercises/`);
  expect(readFileSync(join(sandbox.root, '.grade', 'backups', backups[0]!), 'utf8')).toContain('my work in progress');
});

test('a missing file’s message names the reset command for its own exercise, as the learner types it', () => {
  const { course, id, files } = courses[0]!.exercises[0]!;
  expect(resetCommand(course, files[0]!)).toBe(`\`npm run reset ${id}\``);
  // A file no exercise owns cannot be reset by name: the general form, never a wrong exercise.
  expect(resetCommand(course, 'no-exercise-owns-this.ts')).toBe('`npm run reset <exercise>`');
});
