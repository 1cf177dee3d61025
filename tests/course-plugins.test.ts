// A course is a plug-in: in a copy of the kit, `npm run new` scaffolds an exercise in each course and a third
// course, touching no other course's files; the grader and the maintainer's gate know the new exercises at once,
// and everything still checks, type-checks, builds and grades. (The first course removed: course-alone.test.ts.)
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { GradeReport } from '../grader/cli/grade-report.js';
import { loadCourses } from '../grader/course/course-metadata.js';
import { changed, expectSuccess, hashes, ownedBy } from './course-plugins-shared.js';
import { KIT_ROOT, makeRepoCopy, npmRun } from './kit-sandbox.js';

const ADDED = [
  ['optimizers', 'line-search'],
  ['backprop', 'chain-rule'],
  ['statistics', 'mean'],
] as const;
const exerciseCount = loadCourses(KIT_ROOT).reduce((n, c) => n + c.exercises.length, 0);

let copy: ReturnType<typeof makeRepoCopy>;
beforeAll(() => {
  copy = makeRepoCopy();
});
afterAll(() => copy?.dispose());

test.each(ADDED)('npm run new -- %s/%s changes only that course’s files', (course, id) => {
  const before = hashes(copy.root);
  expectSuccess(npmRun(copy.root, 'new', [`${course}/${id}`]), `npm run new -- ${course}/${id}`);
  const touched = changed(before, hashes(copy.root));
  for (const file of [`solutions/${course}/${id}.ts`, `exercises/${course}/${id}.ts`, `grader/${course}/${id}.test.ts`])
    expect(touched).toContain(file);
  expect(existsSync(join(copy.root, 'courses', course, `${id}.md`))).toBe(true);
  expect(readFileSync(join(copy.root, 'courses', course, 'info.toml'), 'utf8')).toContain(
    `[[exercises]]\nid = "${id}"`,
  );
  expect(touched.filter((path) => !ownedBy(course)(path))).toEqual([]);
});

test('npm run new never scaffolds the same exercise twice', () => {
  const again = npmRun(copy.root, 'new', ['optimizers/line-search']);
  expect(again.status, again.output).toBe(2);
});

test('npm run new refuses what it could not scaffold whole, or a name Windows cannot hold, and writes nothing', () => {
  const before = hashes(copy.root);
  for (const [args, says] of [
    [['optimizers/line-search-2/extra'], 'usage: npm run new -- <course>/<id>'],
    [['optimizers/momentum-2', 'optimizers/adam-2'], 'error: one exercise at a time'],
    [['optimizers/Line-Search'], 'error: "Line-Search" cannot be a name (line-search?)'],
    [['line-search'], 'error: line-search: name the course and the exercise, as <course>/<id>'],
    [['optimizers/con'], 'con cannot name a file on Windows'],
    [['lpt1/first'], 'lpt1 cannot name a file on Windows'],
  ] as const) {
    const run = npmRun(copy.root, 'new', [...args]);
    expect(run.status, run.output).toBe(2);
    expect(run.output).toContain(says);
  }
  expect(changed(before, hashes(copy.root))).toEqual([]);
});

test('npm run new whose stub cannot be made (a learner file of the course edited since generated) changes nothing, and says why', () => {
  const learnerFile = join(copy.root, 'exercises', 'backprop', 'value.ts');
  const original = readFileSync(learnerFile, 'utf8');
  writeFileSync(learnerFile, `${original}// tried the exercise\n`);
  try {
    const before = hashes(copy.root);
    const run = npmRun(copy.root, 'new', ['backprop/chain-rule-2']);
    expect(run.status, run.output).toBe(1);
    expect(run.output).toContain('refusing to overwrite files edited since they were generated');
    expect(run.output).toContain('exercises/backprop/value.ts');
    expect(run.output).toContain('npm run new changed nothing: backprop/chain-rule-2 needs its stub');
    expect(changed(before, hashes(copy.root))).toEqual([]);
  } finally {
    writeFileSync(learnerFile, original);
  }
});

test('then the gate, tsc and the site know the new exercises: check, typecheck and build (pages for all three courses)', () => {
  const gate = npmRun(copy.root, 'check');
  expect(gate.output).toContain('✓ the kit type-checks');
  expect(gate.output).toContain(`✓ every solution passes its suite (${exerciseCount + ADDED.length} exercises)`);
  expect(gate.output).toContain('✓ every stub fails its suite');
  expectSuccess(gate, 'npm run check');
  expectSuccess(npmRun(copy.root, 'typecheck'), 'npm run typecheck');
  expectSuccess(npmRun(copy.root, 'build'), 'npm run build');
  const pages = readdirSync(join(copy.root, 'site', 'dist'), { recursive: true, encoding: 'utf8' });
  for (const [course, id] of ADDED) expect(pages, `${course}/${id}`).toContain(join(course, `${id}.html`));
}, 240_000);

test('npm run check -- <course> checks that course alone, and names the courses there are for one that is not', () => {
  const one = npmRun(copy.root, 'check', ['statistics']);
  expectSuccess(one, 'npm run check -- statistics');
  expect(one.output).toContain('✓ every solution passes its suite (1 exercise)');
  expect(one.output).toContain('✓ every reveal probe runs on its solution with finite results (0 probes;');
  const unknown = npmRun(copy.root, 'check', ['--course', 'statistic']);
  expect(unknown.status, unknown.output).toBe(2);
  const courses = loadCourses(copy.root).map((c) => c.id);
  expect(courses).toContain('statistics');
  expect(unknown.output).toContain(`error: no course named statistic (courses: ${courses.join(', ')})`);
}, 120_000);

test('and grades them: the scaffolded stubs say what to write (that their solutions pass, the gate said above)', () => {
  const stubs = npmRun(copy.root, 'grade', ['--format', 'json']);
  expect(stubs.status, stubs.output).toBe(1);
  const report = JSON.parse(stubs.output.slice(stubs.output.indexOf('{'))) as GradeReport;
  for (const [course, id] of ADDED) {
    const stub = report.exercises.find((e) => e.id === `${course}/${id}`);
    expect(stub?.notImplemented, `${course}/${id}`).toBe(true);
  }
  expect(stubs.output).toContain('not implemented yet: write lineSearch()');
});
