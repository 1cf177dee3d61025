// The kit's folder walks (stubs, hidden-line scan, release checks, kit update, class fingerprint) stay inside the
// folder on every Node.js line: Node.js 22 and later follow a link to a folder in a recursive readdir.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { entriesBelow, filesBelow } from '../grader/files/files-below.js';

const scratch = mkdtempSync(join(tmpdir(), 'files-below-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const dir = join(scratch, 'kit');
const outside = join(scratch, 'outside');
mkdirSync(join(dir, 'solutions', 'course'), { recursive: true });
mkdirSync(join(dir, 'node_modules', 'pkg'), { recursive: true });
mkdirSync(outside);
writeFileSync(join(dir, 'solutions', 'course', 'a.ts'), 'export {};\n');
writeFileSync(join(dir, 'node_modules', 'pkg', 'index.js'), '');
writeFileSync(join(outside, 'secret.ts'), 'export const secret = 1;\n');
// Links planted in the folder: to a folder outside it, to a file outside it, and to the folder itself (a loop).
symlinkSync(outside, join(dir, 'solutions', 'course', 'linked-folder'), 'dir');
symlinkSync(join(outside, 'secret.ts'), join(dir, 'solutions', 'linked-file.ts'));
symlinkSync(dir, join(dir, 'solutions', 'loop'), 'dir');

const below = (paths: string[]) => paths.map((path) => relative(dir, path).split('\\').join('/')).sort();

test('lists the regular files below a folder, never a link nor anything a link leads to', () => {
  expect(below(filesBelow(dir))).toEqual(['node_modules/pkg/index.js', 'solutions/course/a.ts']);
});

test('lists folders before what they hold, and skips a folder by name, contents and all', () => {
  const entries = entriesBelow(dir, { skip: (name) => name === 'node_modules' });
  expect(entries.map((entry) => [relative(dir, entry.path).split('\\').join('/'), entry.folder])).toEqual([
    ['solutions', true],
    ['solutions/course', true],
    ['solutions/course/a.ts', false],
  ]);
});
