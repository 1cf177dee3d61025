// The student kit's README (pure): one course in its own words; several, each in a bullet of its own after its
// title, never two courses' sentences run together as one.
import { expect, test } from 'vitest';
import { DEFAULT_TEXTS, loadCourses, type Course } from '../grader/course/course-metadata.js';
import { studentReadme } from '../scripts/release/student-readme.js';
import { KIT_ROOT } from './kit-sandbox.js';

const courses = loadCourses(KIT_ROOT);
const texts = (c: Course) => c.texts ?? DEFAULT_TEXTS;
/** The README with its lines joined: wrapping is layout, not content. */
const flat = (readme: string) => readme.replace(/\s+/g, ' ');
/** The README's bullet (or numbered step) that starts with `start`, its wrapped lines joined, up to the next. */
const item = (readme: string, start: string) =>
  flat(readme.split(/\n\n|\n(?=\s*(?:-|\d+\.) )/).find((part) => part.trim().startsWith(start)) ?? '').trim();

test('two courses with their own words: titled together, then a bullet each with its folder, summary and site', () => {
  expect(new Set(courses.map((c) => texts(c).readmeSite)).size).toBeGreaterThan(1); // the committed courses differ here
  const readme = studentReadme(courses);
  expect(readme.split('\n')[0]).toBe(`# ${courses.map((c) => c.title).join(' and ')}`);
  expect(readme).toContain(`This kit holds ${courses.length} courses, each with its own folder of exercises:`);
  for (const course of courses)
    expect(item(readme, `- **${course.title}**`)).toBe(
      `- **${course.title}** (\`exercises/${course.id}/\`). ${course.summary} On the site: ${texts(course).readmeSite}.`,
    );
});

test('two courses that say different things of a failure: each in a bullet of step 3, after its title', () => {
  expect(new Set(courses.map((c) => texts(c).readmeFeedback)).size).toBeGreaterThan(1);
  const readme = studentReadme(courses);
  for (const course of courses)
    expect(item(readme, `- ${course.title}:`)).toBe(`- ${course.title}: ${texts(course).readmeFeedback}`);
  expect(item(readme, '3.')).toBe(
    '3. `npm run grade <exercise>` checks one exercise, `npm run grade` all of them; `npm run watch` grades again every time you save.',
  );
});

test('one course: its words alone, without its title in front, and no line longer than the rest of the README', () => {
  const [course] = courses as [Course];
  const readme = studentReadme([course]);
  expect(readme.split('\n')[0]).toBe(`# ${course.title}`);
  expect(readme).toContain(`# ${texts(course).readmeSite}\n`);
  expect(flat(readme)).toContain(`every time you save. ${texts(course).readmeFeedback} 4. Stuck?`);
  expect(readme).not.toContain(`${course.title}: `);
  expect(readme).not.toContain('courses');
  const step3 = readme.slice(readme.indexOf('\n3. '), readme.indexOf('\n4. '));
  for (const line of step3.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
});
