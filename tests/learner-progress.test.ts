// The learner's progress under .grade/ (hints seen, last report, records) as a learner's machine may leave it:
// damaged, or with a folder or a file in the way. Grading and hints go on all the same, saying in one line what
// could not be kept and what to do; a damaged file is read for what is sound in it and written whole again.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { loadCourses, qualifiedId } from '../grader/course/course-metadata.js';
import { KIT_ROOT, makeSandbox, runKitScript } from './kit-sandbox.js';

const course = loadCourses(KIT_ROOT).find((c) => c.exercises.some((e) => e.hints.length > 1))!;
const exercise = course.exercises.find((e) => e.hints.length > 1)!;
const id = qualifiedId(exercise);

let kit: { root: string; dispose(): void };
const grade = () => runKitScript(kit.root, 'grader/cli/grade.ts', [id], 90_000);
const hint = (...args: string[]) => runKitScript(kit.root, 'grader/hints/hint.ts', [id, ...args]);
const state = (file: string) => join(kit.root, '.grade', file);
beforeAll(() => {
  kit = makeSandbox();
});
afterAll(() => kit.dispose());
beforeEach(() => rmSync(join(kit.root, '.grade'), { recursive: true, force: true }));

test('damaged counts of hints seen are dropped, the sound ones kept, and the file written whole', () => {
  mkdirSync(join(kit.root, '.grade'));
  writeFileSync(state('hints.json'), JSON.stringify({ [id]: 'two', 'other/exercise': 1, 'bad/count': -3 }));
  const run = hint();
  expect(run.status, run.stderr).toBe(0);
  expect(run.stdout).toContain(`(1 of ${exercise.hints.length})`);
  expect(JSON.parse(readFileSync(state('hints.json'), 'utf8'))).toEqual({ 'other/exercise': 1, [id]: 1 });
  for (const damaged of ['[1, 2]', 'null', '{"unterminated']) {
    writeFileSync(state('hints.json'), damaged);
    expect(hint().stdout, damaged).toContain(`(1 of ${exercise.hints.length})`);
  }
});

test('a folder where hints.json goes: the hint is shown, and a note says the count was not kept', () => {
  mkdirSync(state('hints.json'), { recursive: true });
  const run = hint();
  expect(run.status).toBe(0);
  expect(run.stdout).toContain(exercise.hints[0]!);
  expect(run.stderr.trim()).toBe(
    'note: your progress was not saved to .grade/hints.json: .grade/hints.json is a folder, where a file should be. Remove what is in the way (or make .grade/ writable); it is saved on the next run.',
  );
  const reset = hint('--reset');
  expect(reset.status).toBe(1);
  expect(reset.stderr).toContain('note: your progress was not saved to .grade/hints.json');
  expect(readdirSync(join(kit.root, '.grade'))).toEqual(['hints.json']); // no temporary file left
});

test('a file where .grade/ goes: the scorecard comes all the same, with a note; no stack trace', () => {
  writeFileSync(join(kit.root, '.grade'), 'not a folder\n');
  const run = grade();
  expect(run.status, run.stderr).toBe(1); // the stub fails, as it should
  expect(run.stdout).toContain('not implemented yet');
  expect(run.stdout).toContain(
    'note: your progress was not saved to .grade/last-report.json: .grade is a file, where a folder should be.',
  );
  expect(run.stderr).toBe('');
  expect(readFileSync(join(kit.root, '.grade'), 'utf8')).toBe('not a folder\n');
});

test('a last report of the wrong shape is replaced by a sound one, and grading goes on', () => {
  mkdirSync(join(kit.root, '.grade'));
  for (const damaged of ['{"exercises": 5}', '{"exercises": [null, 7, {"id": 3}]}', '"a string"']) {
    writeFileSync(state('last-report.json'), damaged);
    const run = grade();
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toBe('');
    const kept = JSON.parse(readFileSync(state('last-report.json'), 'utf8')) as { exercises: Array<{ id: string }> };
    expect(kept.exercises.map((e) => e.id)).toEqual([id]);
  }
  expect(existsSync(state('records.json'))).toBe(false); // nothing passed: no record to keep
});
