// `npm run update` on a learner's working copy that is not as the kit left it: whatever stands in the new kit's way
// stops the update before anything is written, a new kit that cannot be read changes nothing, and a file the
// learner edited beside their exercises (a helper, the README) is replaced only with their version kept.
// (The update as a student runs it from a released kit, folder and .tgz, is in release.test.ts.)
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { loadCourses, type Course } from '../grader/course/course-metadata.js';
import { changed, hashes } from './course-plugins-shared.js';
import { KIT_ROOT, makeSandbox, runKitScript } from './kit-sandbox.js';

// A file of the kit beside the learner's files (not one an exercise lists): the learner may still have edited it.
const helperOf = (c: Course) =>
  readdirSync(join(KIT_ROOT, 'exercises', c.id)).find(
    (f) => f.endsWith('.ts') && !c.exercises.some((e) => e.files.includes(f)),
  );
const course = loadCourses(KIT_ROOT).find((c) => helperOf(c) !== undefined)!;
const helper = helperOf(course);
const learnerFile = `exercises/${course.id}/${course.exercises[0]!.files[0]}`;

let kit: { root: string; dispose(): void };
let next: string;
const update = () => runKitScript(kit.root, 'scripts/kit-update.ts', [next]);
beforeAll(() => {
  kit = makeSandbox();
  next = mkdtempSync(join(tmpdir(), 'kit-update-next-'));
  for (const part of ['courses', 'exercises', 'grader', 'scripts', 'package.json'])
    cpSync(join(KIT_ROOT, part), join(next, part), { recursive: true });
  writeFileSync(join(next, 'README.md'), '# The course, version 2\n');
  mkdirSync(join(next, 'notes'));
  writeFileSync(join(next, 'notes', 'changes.md'), 'what is new\n');
  writeFileSync(join(next, learnerFile), '// a newer stub\n');
});
afterAll(() => {
  kit.dispose();
  rmSync(next, { recursive: true, force: true });
});

test('a folder where the new kit has a file, or a file where it has a folder: refused, and nothing written', () => {
  for (const [make, says] of [
    [() => mkdirSync(join(kit.root, 'README.md')), 'README.md: a folder is in its place'],
    [() => writeFileSync(join(kit.root, 'notes'), 'mine\n'), 'notes/changes.md: notes is not a folder here'],
  ] as const) {
    make();
    const before = hashes(kit.root);
    const run = update();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`  ${says}\n`);
    expect(run.stderr).toContain('Nothing was changed.');
    expect(changed(before, hashes(kit.root))).toEqual([]);
    rmSync(join(kit.root, says.split(':')[0]!.split('/')[0]!), { recursive: true, force: true });
  }
});

test('a new kit whose courses cannot be read changes nothing, and says why in one line', () => {
  const broken = mkdtempSync(join(tmpdir(), 'kit-update-broken-'));
  cpSync(next, broken, { recursive: true });
  writeFileSync(join(broken, 'courses', course.id, 'info.toml'), 'this is = not [toml\n');
  const before = hashes(kit.root);
  const run = runKitScript(kit.root, 'scripts/kit-update.ts', [broken]);
  rmSync(broken, { recursive: true, force: true });
  expect(run.status).toBe(1);
  expect(run.stderr).toMatch(/^error: .*: its courses cannot be read: .*info\.toml.*\. Nothing was changed\.\n$/);
  expect(changed(before, hashes(kit.root))).toEqual([]);
});

test('a .grade that links elsewhere stops the update before anything is written, and nothing goes through it', () => {
  const outside = mkdtempSync(join(tmpdir(), 'update-outside-'));
  const grade = join(kit.root, '.grade');
  const moved = `${grade}.aside`;
  // An edited helper: the update would replace it, keeping the learner's version in .grade/backups/.
  const kitFile = join(kit.root, 'exercises', course.id, helper!);
  const original = readFileSync(kitFile, 'utf8');
  const before = `${original}// my debugging line\n`;
  writeFileSync(kitFile, before);
  try {
    if (existsSync(grade)) renameSync(grade, moved);
    symlinkSync(outside, grade);
    const run = update();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('.grade: a symbolic link, where the versions replaced are kept (.grade/backups/)');
    expect(run.stderr).toContain('Nothing was changed.');
    expect(readFileSync(kitFile, 'utf8')).toBe(before);
    expect(existsSync(join(kit.root, 'notes'))).toBe(false);
    expect(readdirSync(outside)).toEqual([]);
  } finally {
    writeFileSync(kitFile, original);
    rmSync(grade, { force: true });
    if (existsSync(moved)) renameSync(moved, grade);
    rmSync(outside, { recursive: true, force: true });
  }
});

test("an edited helper is replaced with the learner's version kept; the learner's exercise file is never touched", () => {
  expect(helper, 'a helper file beside the exercises').toBeDefined();
  const edited = `${readFileSync(join(kit.root, 'exercises', course.id, helper!), 'utf8')}// my debugging line\n`;
  writeFileSync(join(kit.root, 'exercises', course.id, helper!), edited);
  writeFileSync(join(kit.root, learnerFile), '// my work, half done\n');
  const run = update();
  expect(run.status, run.stderr).toBe(0);
  expect(readFileSync(join(kit.root, learnerFile), 'utf8')).toBe('// my work, half done\n');
  expect(readFileSync(join(kit.root, 'README.md'), 'utf8')).toBe('# The course, version 2\n');
  const kept = /the versions replaced are kept in (\.grade\/backups\/update-[^/]+)\//.exec(run.stdout)?.[1];
  expect(kept, run.stdout).toBeDefined();
  expect(readFileSync(join(kit.root, kept!, 'exercises', course.id, helper!), 'utf8')).toBe(edited);
  expect(readFileSync(join(kit.root, 'exercises', course.id, helper!), 'utf8')).toBe(
    readFileSync(join(KIT_ROOT, 'exercises', course.id, helper!), 'utf8'),
  );
});

test('--help shows the usage, exit 0; a kit that is not there, none or two are named, exit 2, nothing written', () => {
  const before = hashes(kit.root);
  const help = runKitScript(kit.root, 'scripts/kit-update.ts', ['--help']);
  expect(help.status).toBe(0);
  expect(help.stdout).toBe('usage: npm run update -- <new kit: a .tgz or a folder>\n');
  for (const [args, says] of [
    [['course-v2.tgz'], 'error: course-v2.tgz: there is no such file or folder. Nothing was changed.'],
    [[], 'error: name the new kit'],
    [[next, next], 'error: one kit at a time'],
  ] as const) {
    const run = runKitScript(kit.root, 'scripts/kit-update.ts', [...args]);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(says);
  }
  expect(changed(before, hashes(kit.root))).toEqual([]);
});
