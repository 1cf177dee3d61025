// The student kit's README where courses say different things (pure): each course's words after its title,
// never two courses' sentences run together as one.
import { expect, test } from 'vitest';
import { DEFAULT_TEXTS, loadCourses } from '../grader/course/course-metadata.js';
import { studentReadme } from '../scripts/release/student-readme.js';
import { KIT_ROOT } from './kit-sandbox.js';

const courses = loadCourses(KIT_ROOT);
const texts = courses.map((c) => c.texts ?? DEFAULT_TEXTS);

test('two courses with their own words: each said once, after its course’s title', () => {
  expect(new Set(texts.map((t) => t.readmeSite)).size).toBeGreaterThan(1); // the committed courses differ here
  const readme = studentReadme(courses);
  const siteLine = readme.split('\n').find((l) => l.startsWith('npm run site'))!;
  expect(siteLine).toContain(courses.map((c, i) => `${c.title}: ${texts[i]!.readmeSite}`).join('; '));
  for (const [i, course] of courses.entries())
    expect(readme.replace(/\s+/g, ' ')).toContain(`${course.title}: ${texts[i]!.readmeFeedback}`);
});

test('one course: its words alone, without its title in front', () => {
  const [course] = courses;
  const readme = studentReadme([course!]);
  expect(readme).toContain(`# ${texts[0]!.readmeSite}`);
  expect(readme).not.toContain(`${course!.title}: `);
});
