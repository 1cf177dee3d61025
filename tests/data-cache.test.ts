// The site's build-time data kept between builds (site/scripts/data-cache.ts): computed once for given sources,
// computed again when any source it could read changes, shared by copies of the same tree, and never in the way
// when it cannot be written.
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { cachedData } from '../site/scripts/data-cache.js';

let work: string;
let root: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'data-cache-'));
  root = join(work, 'kit');
  for (const [file, text] of Object.entries({
    'solutions/course/step.ts': 'export const rate = 0.1;\n',
    'solutions/other/step.ts': 'export const rate = 0.2;\n',
    'courses/course/info.toml': 'title = "A course"\n',
    'grader/course/fixtures/cases.json': '{"start": [1, 2]}\n',
    'site/shared/grid.ts': 'export const cells = 32;\n',
    'site/dist/index.html': '<p>built</p>\n',
    'package-lock.json': '{"lockfileVersion": 3}\n',
  })) {
    mkdirSync(join(root, file, '..'), { recursive: true });
    writeFileSync(join(root, file), text);
  }
  mkdirSync(join(root, 'node_modules'));
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

/** A data module that counts how often it runs. */
function counted(value: unknown) {
  let runs = 0;
  return { compute: () => (runs++, Promise.resolve(value)), runs: () => runs };
}

test('the same sources compute once; the value comes back as JSON gives it', async () => {
  const data = counted({ steps: [1, 2, 3], missing: undefined, score: NaN });
  expect(await cachedData(root, 'course', 'runs', data.compute)).toEqual({ steps: [1, 2, 3], score: null });
  expect(await cachedData(root, 'course', 'runs', data.compute)).toEqual({ steps: [1, 2, 3], score: null });
  expect(data.runs()).toBe(1);
});

test.each([
  ['solutions/course/step.ts', true],
  ['courses/course/info.toml', true],
  ['grader/course/fixtures/cases.json', true],
  ['site/shared/grid.ts', true],
  ['package-lock.json', true],
  ['solutions/other/step.ts', false],
  ['site/dist/index.html', false],
])('an edit to %s computes again: %s', async (file, again) => {
  const data = counted([1]);
  await cachedData(root, 'course', 'runs', data.compute);
  writeFileSync(join(root, file), '// edited\n');
  await cachedData(root, 'course', 'runs', data.compute);
  expect(data.runs()).toBe(again ? 2 : 1);
});

test('each course and data module has its own entry', async () => {
  const data = counted([1]);
  await cachedData(root, 'course', 'runs', data.compute);
  await cachedData(root, 'course', 'maps', data.compute);
  await cachedData(root, 'other', 'runs', data.compute);
  expect(data.runs()).toBe(3);
});

test('a copy of the tree elsewhere, sharing node_modules, reads what the first computed', async () => {
  const data = counted([1]);
  await cachedData(root, 'course', 'runs', data.compute);
  const copy = join(work, 'copy');
  cpSync(root, copy, { recursive: true, filter: (path) => !path.endsWith('node_modules') });
  symlinkSync(join(root, 'node_modules'), join(copy, 'node_modules'), 'dir');
  expect(await cachedData(copy, 'course', 'runs', data.compute)).toEqual([1]);
  expect(data.runs()).toBe(1);
});

test('a cache that cannot be written costs only the computation', async () => {
  // A file where the cache's folder would go: no folder can be made there, whoever runs the build (root included).
  writeFileSync(join(root, 'node_modules', '.cache'), 'not a folder\n');
  const data = counted([1]);
  expect(await cachedData(root, 'course', 'runs', data.compute)).toEqual([1]);
  expect(await cachedData(root, 'course', 'runs', data.compute)).toEqual([1]);
  expect(data.runs()).toBe(2);
});
