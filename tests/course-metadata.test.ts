// The course manifest's time limits: a course's timeLimitSeconds applies to its exercises unless one sets its own,
// neither may exceed the sandbox's own limit, and a wrong value names the file and the key.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { loadCourse, MetadataError } from '../grader/course/course-metadata.js';
import { TIME_LIMIT_SECONDS } from '../grader/harness/limits.js';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((root) => rmSync(root, { recursive: true, force: true })));

function courseWith(info: string) {
  const root = mkdtempSync(join(tmpdir(), 'course-metadata-'));
  roots.push(root);
  mkdirSync(join(root, 'courses', 'c'), { recursive: true });
  writeFileSync(join(root, 'courses', 'c', 'info.toml'), info);
  return () => loadCourse(root, 'c');
}

const exercises = `
[[exercises]]
id = "quick"
title = "Quick"
files = ["quick.ts"]

[[exercises]]
id = "slow"
title = "Slow"
files = ["slow.ts"]
timeLimitSeconds = 8
`;

test("an exercise takes its course's limit unless it sets its own; with neither, the sandbox's", () => {
  const limits = (info: string) => courseWith(info)().exercises.map((e) => [e.id, e.timeLimitSeconds]);
  expect(limits(`title = "C"\ntimeLimitSeconds = 2.5\n${exercises}`)).toEqual([
    ['quick', 2.5],
    ['slow', 8],
  ]);
  expect(limits(`title = "C"\n${exercises}`)).toEqual([
    ['quick', TIME_LIMIT_SECONDS],
    ['slow', 8],
  ]);
});

test.each([
  ['the course', `title = "C"\ntimeLimitSeconds = ${TIME_LIMIT_SECONDS + 1}\n${exercises}`, /timeLimitSeconds/],
  ['the course', `title = "C"\ntimeLimitSeconds = 0\n${exercises}`, /timeLimitSeconds/],
  ['an exercise', `title = "C"\n${exercises.replace('= 8', '= "8"')}`, /exercise "slow" timeLimitSeconds/],
])(
  'a limit of %s above the sandbox’s, at most 0 or not a number is refused, naming the file and key',
  (_, info, key) => {
    const load = courseWith(info);
    expect(load).toThrow(MetadataError);
    expect(load).toThrow(/courses[\\/]c[\\/]info\.toml/);
    expect(load).toThrow(key);
    expect(load).toThrow(`at most ${TIME_LIMIT_SECONDS}`);
  },
);
