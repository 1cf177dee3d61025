// The core is a kit, not a course: no file of grader/, scripts/, site/ or bench/ outside the course plug-ins names a
// course or a word of its vocabulary (each course lists its own in info.toml), so adding or removing a course
// never means editing the core.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { expect, test } from 'vitest';
import { KIT_ROOT } from './kit-sandbox.js';

const courses = readdirSync(join(KIT_ROOT, 'courses'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

const vocabulary = (course: string): string[] => {
  const info = parse(readFileSync(join(KIT_ROOT, 'courses', course, 'info.toml'), 'utf8')) as { vocabulary?: string[] };
  return [course, ...(info.vocabulary ?? [])];
};

const coreFiles = execFileSync(
  'git',
  ['ls-files', '--cached', '--others', '--exclude-standard', 'grader', 'scripts', 'site', 'bench'],
  {
    cwd: KIT_ROOT,
    encoding: 'utf8',
  },
)
  .split('\n')
  .filter(Boolean)
  .filter((file) => !courses.some((course) => file.startsWith(`grader/${course}/`)))
  .filter((file) => !/\.(png|jpe?g|ico|woff2?)$/.test(file));

test('every course lists its vocabulary, so that the check below means something', () => {
  for (const course of courses) expect(vocabulary(course).length, course).toBeGreaterThan(3);
});

test.each(courses)('no core file names the %s course or its concepts', (course) => {
  const words = vocabulary(course);
  const pattern = new RegExp(`\\b(${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\b`, 'i');
  const found = coreFiles.flatMap((file) => {
    let text: string;
    try {
      text = readFileSync(join(KIT_ROOT, file), 'utf8');
    } catch {
      return []; // deleted in the working tree
    }
    return text
      .split('\n')
      .map((line, i) => [i + 1, line] as const)
      .filter(([, line]) => pattern.test(line))
      .map(([n, line]) => `${file}:${n}: ${line.trim().slice(0, 120)}`);
  });
  expect(found).toEqual([]);
});
