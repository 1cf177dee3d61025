// A course is a plug-in: in a copy of the kit, adding an exercise to each course and a third course touches no
// other course's files, and everything still checks, builds and grades; with the first course's folders deleted,
// the second still builds, grades, checks and releases on its own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { makeRepoCopy } from './kit-sandbox.js';

interface Run {
  status: number | null;
  output: string;
}

/** `npm run <script> -- args` in the copy, as a maintainer types it (without npm's banner). */
function npmRun(root: string, script: string, args: string[] = [], timeout = 240_000): Run {
  const run = spawnSync('npm', ['run', '-s', script, '--', ...args], {
    cwd: root,
    encoding: 'utf8',
    timeout,
    env: { ...process.env, NO_COLOR: '1', CI: '' },
  });
  return { status: run.status, output: `${run.stdout}\n${run.stderr}` };
}

/** Every file of the copy (outside node_modules, .git and build output) with a hash of its bytes. */
function hashes(root: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(root, { withFileTypes: true, recursive: true })) {
    const path = relative(root, join(entry.parentPath, entry.name));
    if (!entry.isFile() || /^(node_modules|\.git|release|site\/dist)/.test(path) || path.includes('/dist/')) continue;
    files.set(
      path,
      createHash('sha256')
        .update(readFileSync(join(root, path)))
        .digest('hex'),
    );
  }
  return files;
}

/** Paths added, removed or changed between two snapshots. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((p) => before.get(p) !== after.get(p)).sort();
}

const ownedBy = (course: string) => (path: string) =>
  ['courses', 'solutions', 'exercises', 'grader'].some((top) => path.startsWith(`${top}/${course}/`)) ||
  path === 'exercises/.stubs-manifest.json';

const expectSuccess = (run: Run, what: string) => expect(run.status, `${what}:\n${run.output}`).toBe(0);

describe('adding exercises and a third course', () => {
  let copy: ReturnType<typeof makeRepoCopy>;
  beforeAll(() => {
    copy = makeRepoCopy();
  });
  afterAll(() => copy?.dispose());

  test.each([
    ['optimizers', 'line-search'],
    ['backprop', 'chain-rule'],
    ['statistics', 'mean'],
  ])('npm run new -- %s/%s changes only that course’s files', (course, id) => {
    const before = hashes(copy.root);
    expectSuccess(npmRun(copy.root, 'new', [`${course}/${id}`]), `npm run new -- ${course}/${id}`);
    const touched = changed(before, hashes(copy.root));
    expect(touched).toContain(`solutions/${course}/${id}.ts`);
    expect(touched).toContain(`exercises/${course}/${id}.ts`);
    expect(touched.filter((path) => !ownedBy(course)(path))).toEqual([]);
  });

  test('then check, typecheck, build (pages for all three courses) and grading the solutions succeed', () => {
    expectSuccess(npmRun(copy.root, 'check'), 'npm run check');
    expectSuccess(npmRun(copy.root, 'typecheck'), 'npm run typecheck');
    expectSuccess(npmRun(copy.root, 'build'), 'npm run build');
    const dist = join(copy.root, 'site', 'dist');
    const pages = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.html'));
    for (const [course, id] of [
      ['optimizers', 'line-search'],
      ['backprop', 'chain-rule'],
      ['statistics', 'mean'],
    ])
      expect(
        pages.some((page) => page.includes(course) && page.endsWith(`${id}.html`)),
        `${course}/${id}`,
      ).toBe(true);
    const graded = npmRun(copy.root, 'grade', ['--target', 'solutions', '--format', 'json']);
    expectSuccess(graded, 'npm run grade -- --target solutions');
    const report = JSON.parse(graded.output.slice(graded.output.indexOf('{'))) as { score: number; maxScore: number };
    expect(report.score).toBeGreaterThan(0);
  });
});

describe('the second course alone', () => {
  let copy: ReturnType<typeof makeRepoCopy>;
  beforeAll(() => {
    copy = makeRepoCopy();
    for (const top of ['courses', 'solutions', 'exercises', 'grader'])
      rmSync(join(copy.root, top, 'optimizers'), { recursive: true, force: true });
  });
  afterAll(() => copy?.dispose());

  test('builds, grades, checks and releases', () => {
    expectSuccess(npmRun(copy.root, 'build'), 'npm run build');
    const graded = npmRun(copy.root, 'grade', ['--target', 'solutions']);
    expectSuccess(graded, 'npm run grade -- --target solutions');
    expect(graded.output).not.toMatch(/optimizer/i);
    expectSuccess(npmRun(copy.root, 'check'), 'npm run check');
    expectSuccess(npmRun(copy.root, 'release'), 'npm run release');
    expect(existsSync(join(copy.root, 'release', 'student-kit', 'exercises', 'backprop'))).toBe(true);
    expect(existsSync(join(copy.root, 'release', 'student-kit', 'exercises', 'optimizers'))).toBe(false);
  });
});
