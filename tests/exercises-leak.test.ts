// exercises/ is what learners get: no line of a hidden region may appear in it, and each stub must
// differ from its solution wherever the solution has a hidden region.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { loadCourses } from '../grader/course/course-metadata.js';
import { findLeaks, hiddenLines } from '../scripts/stubs/hidden-text.js';
import { KIT_ROOT } from './kit-sandbox.js';

const courses = loadCourses(KIT_ROOT);

test.each(courses.map((c) => [c.id, c] as const))(
  'no hidden solution line appears anywhere under exercises/%s',
  (_, course) => {
    const lines = hiddenLines(KIT_ROOT, course);
    expect(lines.length).toBeGreaterThan(0);
    const dir = join(KIT_ROOT, 'exercises', course.id);
    const leaks = readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .flatMap((entry) => {
        const path = join(entry.parentPath, entry.name);
        return findLeaks(readFileSync(path, 'utf8'), lines).map(
          (line) => `${relative(KIT_ROOT, path)} holds ${line.file}:${line.line}: ${line.text}`,
        );
      });
    expect(leaks).toEqual([]);
  },
);

test.each(courses.map((c) => [c.id, c] as const))(
  'the leak scan finds the hidden lines of %s in its own solutions',
  (_, course) => {
    const lines = hiddenLines(KIT_ROOT, course);
    const codeFiles = [...new Set(lines.map((line) => line.file))].filter((file) => file.endsWith('.ts'));
    expect(codeFiles.length).toBeGreaterThan(0);
    for (const file of codeFiles) {
      const solution = readFileSync(join(KIT_ROOT, file), 'utf8');
      expect(findLeaks(solution, lines).length, file).toBeGreaterThan(0);
    }
  },
);
