// The site shell with courses it has never seen: made-up courses in a temporary kit, with and without a site
// plug-in. Each gets its index, concepts page, exercise pages and pager under its own folder; a home page lists them.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { loadCourseSites } from '../site/scripts/course-sites.js';
import { parseGradeReport } from '../site/scripts/grade-report.js';
import { renderPages, type RenderedPage } from '../site/scripts/render-pages.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const kits: string[] = [];

/** A kit holding the site's templates and the given files (path → text). */
function kitWith(files: Record<string, string>): string {
  const kit = mkdtempSync(join(tmpdir(), 'site-courses-'));
  kits.push(kit);
  cpSync(join(ROOT, 'site', 'templates'), join(kit, 'site', 'templates'), { recursive: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(kit, path)), { recursive: true });
    writeFileSync(join(kit, path), text);
  }
  return kit;
}

function course(id: string, title: string, exercises: string[]): Record<string, string> {
  const entries = exercises.map(
    (exercise) =>
      `[[exercises]]\nid = "${exercise}"\ntitle = "Write ${exercise}"\nfiles = ["${exercise}.ts"]\nhints = ["Look at ${exercise}."]\n`,
  );
  return {
    [`courses/${id}/info.toml`]: `title = "${title}"\nsummary = "All about ${title}."\n\n${entries.join('\n')}`,
    [`courses/${id}/concepts.md`]: `# The ideas of ${title}\n\nSome words.\n`,
    ...Object.fromEntries(
      exercises.flatMap((exercise) => [
        [
          `courses/${id}/${exercise}.md`,
          `Compute $x^2$ in ${exercise}.\n\n<!-- Hide: all -->\nThe answer is x * x.\n<!-- Hide: none -->\n`,
        ],
        [`exercises/${id}/${exercise}.ts`, `export const ${exercise} = 0;\n`],
      ]),
    ),
  };
}

const page = (pages: RenderedPage[], file: string): string => {
  const found = pages.find((candidate) => candidate.file === file);
  if (!found) throw new Error(`no page ${file} among ${pages.map((p) => p.file).join(', ')}`);
  return found.html;
};

afterEach(() => {
  for (const kit of kits.splice(0)) rmSync(kit, { recursive: true, force: true });
});

describe('a kit of several courses, none with a site plug-in', () => {
  it('gives each course its pages under its folder, and a home page that lists the courses', async () => {
    const kit = kitWith({ ...course('alpha', 'Alpha', ['one', 'two']), ...course('beta', 'Beta', ['three']) });
    const pages = renderPages(kit, await loadCourseSites(kit));
    expect(pages.map((p) => p.file).sort()).toEqual([
      'alpha/concepts.html',
      'alpha/index.html',
      'alpha/one.html',
      'alpha/two.html',
      'beta/concepts.html',
      'beta/index.html',
      'beta/three.html',
      'index.html',
    ]);
    const home = page(pages, 'index.html');
    for (const [id, title] of [
      ['alpha', 'Alpha'],
      ['beta', 'Beta'],
    ]) {
      expect(home).toContain(`href="${id}/index.html"`);
      expect(home).toContain(title);
      expect(home).toContain(`All about ${title}.`);
    }
    expect(home).not.toContain('data-course="alpha"');
    // The page's title says what the list is; a heading over the list saying it again would be read twice.
    expect(home.match(/<h\d[^>]*>[^<]*<\/h\d>/g)).toEqual(['<h1>Courses</h1>']);
  });

  it('renders an exercise without widgets in full: math typeset, hidden notes left out, hints, pager, links home', async () => {
    const kit = kitWith({ ...course('alpha', 'Alpha', ['one', 'two']), ...course('beta', 'Beta', ['three']) });
    const html = page(renderPages(kit, await loadCourseSites(kit)), 'alpha/one.html');
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('The answer is');
    expect(html).toContain('Look at one.');
    expect(html).toContain('exercises/alpha/one.ts');
    expect(html).toMatch(/pager__link--previous" href="concepts\.html"/);
    expect(html).toMatch(/pager__link--next" href="two\.html"/);
    expect(html).toContain('href="../index.html"');
    expect(html).toContain('data-course="alpha"');
  });

  it('shows each course its own exercises’ grades from the report', async () => {
    const kit = kitWith({ ...course('alpha', 'Alpha', ['one', 'two']), ...course('beta', 'Beta', ['three']) });
    const report = parseGradeReport(
      JSON.stringify({
        score: 2,
        maxScore: 3,
        exercises: [
          { id: 'one', status: 'pass', score: 1, maxScore: 1, tests: [] },
          { id: 'three', status: 'pass', score: 1, maxScore: 1, tests: [] },
          { id: 'two', status: 'fail', score: 0, maxScore: 1, tests: [{ name: 't', status: 'fail', message: 'no' }] },
        ],
      }),
    );
    const pages = renderPages(kit, await loadCourseSites(kit), { gradeReport: report });
    expect(page(pages, 'alpha/index.html')).toContain('<strong>1 / 2</strong>');
    expect(page(pages, 'alpha/index.html')).toMatch(/Next: <a href="two\.html">/);
    expect(page(pages, 'beta/index.html')).toContain('<strong>1 / 1</strong>');
  });
  it('tells apart two courses’ exercises of the same id, as reports name them <course>/<id>', async () => {
    const kit = kitWith({ ...course('alpha', 'Alpha', ['one']), ...course('beta', 'Beta', ['one']) });
    const entry = (courseId: string, status: string, score: number) => ({
      id: `${courseId}/one`,
      course: courseId,
      exercise: 'one',
      status,
      score,
      maxScore: 1,
      tests: status === 'pass' ? [] : [{ name: 't', status, message: 'off by one' }],
    });
    const report = parseGradeReport(
      JSON.stringify({ score: 1, maxScore: 2, exercises: [entry('alpha', 'pass', 1), entry('beta', 'fail', 0)] }),
    );
    const pages = renderPages(kit, await loadCourseSites(kit), { gradeReport: report });
    expect(page(pages, 'alpha/index.html')).toContain('grade-badge grade-badge--ok');
    expect(page(pages, 'beta/index.html')).toContain('grade-badge grade-badge--warn');
    expect(page(pages, 'beta/index.html')).toContain('<strong>0 / 1</strong>');
  });
});

describe('one course', () => {
  it('makes its overview the home page, linking into its folder', async () => {
    const kit = kitWith(course('alpha', 'Alpha', ['one']));
    const home = page(renderPages(kit, await loadCourseSites(kit)), 'index.html');
    expect(home).toContain('<h1>Alpha</h1>');
    expect(home).toContain('href="alpha/one.html"');
    expect(home).toContain('href="alpha/concepts.html"');
    expect(home).not.toContain('All courses');
  });
});

const PLUGIN = `export default {
  client: 'client/page.ts',
  widgets: (page) => (page.kind === 'exercise' ? [{ partial: 'dial', heading: 'A dial', data: { value: page.exercise.id } }] : []),
  pages: [{ id: 'lab', title: 'Lab' }],
  footer: 'Made up for a test.',
};
`;

describe('a course with a site plug-in', () => {
  it('puts its widgets on its pages, its extra page in the sidebar and its sentence in the footer', async () => {
    const kit = kitWith({
      ...course('alpha', 'Alpha', ['one']),
      'courses/alpha/site/plugin.ts': PLUGIN,
      'courses/alpha/site/templates/partials/dial.hbs': '<div class="dial" data-value="{{value}}"></div>',
      'courses/alpha/site/templates/pages/lab.hbs':
        '{{#> layout}}<p class="lab">Lab of {{course.title}}</p>{{/layout}}',
    });
    const pages = renderPages(kit, await loadCourseSites(kit));
    const exercise = page(pages, 'alpha/one.html');
    expect(exercise).toContain('<h2>A dial</h2>');
    expect(exercise).toContain('<div class="dial" data-value="one"></div>');
    expect(exercise).toContain('Made up for a test.');
    expect(exercise).toMatch(/<li class="sidebar__extra">\s*<a class="sidebar__link" href="lab\.html"/);
    expect(page(pages, 'alpha/lab.html')).toContain('<p class="lab">Lab of Alpha</p>');
    expect(page(pages, 'alpha/concepts.html')).not.toContain('dial');
  });

  it('refuses an extra page that would overwrite an exercise, naming the plug-in', async () => {
    const kit = kitWith({
      ...course('alpha', 'Alpha', ['lab']),
      'courses/alpha/site/plugin.ts': PLUGIN,
    });
    await expect(loadCourseSites(kit)).rejects.toThrow(
      /courses\/alpha\/site\/plugin\.ts: page "lab" has the name of another page of the course/,
    );
  });
});
