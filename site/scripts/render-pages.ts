// Renders every page of the site from the Handlebars templates in site/templates, each course's info.toml, markdown
// and site plug-in: per course, under <course>/, its overview, concepts page, one page per exercise (info.toml order)
// and the plug-in's extra pages; at the root, the home page: the list of courses, or with one course its overview.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Course, Exercise } from '../../grader/course/course-metadata.js';
import type { CourseSite } from './course-sites.js';
import { GRADE_REPORT_PATH, readGradeReport, type GradeReport } from './grade-report.js';
import { exerciseFinding, summarizeGrades } from './grade-summary.js';
import { highlightTypeScript } from './highlight-code.js';
import { loadPageTemplates, type PageTemplates } from './page-templates.js';
import { renderMarkdown, splitTitle } from './render-markdown.js';
import type { BuiltData, CoursePage, Widget } from './site-plugin.js';
import type { SolutionSnippet } from './solution-snippets.js';
import { stripMarkdown } from '../../scripts/markers/strip-markdown.js';
import { startingFile } from '../../grader/course/starting-files.js';
import { readRecords, type ExerciseRecord, type Records } from '../../grader/cli/exercise-records.js';

export interface RenderedPage {
  /** Entry name for the bundler: the output file without `.html` ('index', '<course>/index', '<course>/<id>'). */
  name: string;
  /** Output file, relative to the site root, with / separators. */
  file: string;
  html: string;
}

export interface RenderOptions {
  /**
   * Show the learner's last grade run on each course's index (the dev server; a static build has no learner): true
   * reads .grade/last-report.json, a report (or null for none) is shown as given, which the tests use.
   */
  gradeReport?: boolean | GradeReport | null;
  /** The learner's records of passing attempts (.grade/records.json) where grades are shown: read from disk when
   * gradeReport is true, or as given (the tests). */
  records?: Records;
  /** Each exercise's solution, collapsed on its page: for the instructor build only. */
  solutions?: readonly SolutionSnippet[];
  /** Told of what a course lacks (a missing markdown file); silent by default. */
  warn?: (message: string) => void;
  /** The plug-ins' data modules' values, by name (each plug-in is given its own); none by default. */
  data?: BuiltData;
}

interface PageLink {
  href: string;
  title: string;
}

/**
 * A page's markdown as learners see it: `<!-- Hide: … -->` regions are left out of the normal variant. A course
 * still being written may lack a file: its page says which, and `warn` tells whoever builds the site.
 */
function readMarkdown(root: string, relativePath: string, course: Course, warn: (message: string) => void): string {
  const path = join(root, relativePath);
  if (!existsSync(path)) {
    const message = `${relativePath} is missing: write this page's text there, in markdown`;
    warn(message);
    return `> **${message.replace(/[\\`*_[\]<>]/g, '\\$&')}.**\n`;
  }
  return stripMarkdown(readFileSync(path, 'utf8'), relativePath, course.labels, 'normal');
}

/** The learner's starting files for an exercise, highlighted: as they started, whatever the learner has written since. */
function starterCode(root: string, course: Course, exercise: Exercise): { path: string; html: string }[] {
  return exercise.files.map((file) => {
    const full = join(root, startingFile(root, course.id, file));
    const path = `exercises/${course.id}/${file}`;
    return { path, html: existsSync(full) ? highlightTypeScript(readFileSync(full, 'utf8')) : '' };
  });
}

/** The grade report was written before the learner last saved one of the exercise's files (false without a report). */
function reportOlderThanFiles(root: string, course: Course, exercise: Exercise): boolean {
  const report = join(root, GRADE_REPORT_PATH);
  if (!existsSync(report)) return false;
  const written = statSync(report).mtimeMs;
  return exercise.files.some((file) => {
    const path = join(root, 'exercises', course.id, file);
    return existsSync(path) && statSync(path).mtimeMs > written;
  });
}

/** An exercise's passing attempts for its page, newest first, the best one marked (figures as the suite words them). */
function attemptsOf(record: ExerciseRecord | undefined): { text: string; at: string; best: boolean }[] {
  if (!record) return [];
  return [...record.attempts]
    .reverse()
    .slice(0, 10)
    .map((attempt) => ({
      text: attempt.figures.map((figure) => figure.text).join(', '),
      at: attempt.at.slice(0, 16).replace('T', ' '),
      best: attempt.at === record.best?.at,
    }));
}

/** Strict templates need every field present: a widget's optional heading and lead become null. */
const normalized = (widgets: readonly Widget[]) =>
  widgets.map((widget) => ({
    partial: widget.partial,
    heading: widget.heading ?? null,
    lead: widget.lead ?? null,
    data: widget.data,
  }));

interface CourseContext {
  root: string;
  site: CourseSite;
  templates: PageTemplates;
  /** More than one course: pages link back to the home page's list. */
  multiCourse: boolean;
  report: GradeReport | null;
  records: Records;
  gradesShown: boolean;
  /** The report is the one on disk, whose age can be compared with the exercise files'. */
  reportOnDisk: boolean;
  solutions: readonly SolutionSnippet[];
  warn: (message: string) => void;
  /** The values of this course's plug-in's data modules that were given. */
  data: BuiltData;
}

/** The course's pages, each rendered by `render(base)`, where base is the course folder as seen from the page. */
function coursePages(context: CourseContext): { id: string; render: (base: string) => string }[] {
  const { root, site, templates } = context;
  const { course, plugin } = site;
  const concepts = splitTitle(readMarkdown(root, join('courses', course.id, 'concepts.md'), course, context.warn));
  const conceptsTitle = concepts.title ?? 'Concepts';
  const extraPages = plugin.pages ?? [];
  const widgets = (page: CoursePage) => {
    const chosen = plugin.widgets?.(page, course, context.data) ?? [];
    for (const widget of chosen) templates.expectPartial(widget.partial);
    return normalized(chosen);
  };

  const exercisesAt = (base: string) =>
    course.exercises.map((exercise, index) => ({
      ...exercise,
      number: index + 1,
      href: `${base}${exercise.id}.html`,
      paths: exercise.files.map((file) => `exercises/${course.id}/${file}`),
      pointsLabel: exercise.points === 1 ? '1 point' : `${exercise.points} points`,
    }));
  const common = (base: string, current: string, pageTitle: string) => {
    const exercises = exercisesAt(base);
    return {
      site: {
        title: course.title,
        summary: course.summary,
        courseId: course.id,
        brandHref: `${base}index.html`,
        homeHref: context.multiCourse ? `${base}../index.html` : null,
        navLabel: 'Course pages',
        footer: plugin.footer ?? null,
      },
      course: { id: course.id, title: course.title, summary: course.summary },
      courseBase: base,
      nav: [
        {
          href: `${base}index.html`,
          label: 'Overview',
          number: null,
          bonus: false,
          extra: false,
          sectionEnd: false,
          current: current === 'index',
        },
        {
          href: `${base}concepts.html`,
          label: 'Concepts',
          number: null,
          bonus: false,
          extra: false,
          // The course's own pages end here; its exercises follow, set apart by a line.
          sectionEnd: true,
          current: current === 'concepts',
        },
        ...exercises.map((exercise) => ({
          href: exercise.href,
          label: exercise.title,
          number: exercise.number,
          bonus: exercise.bonus,
          extra: false,
          sectionEnd: false,
          current: current === exercise.id,
        })),
        ...extraPages.map((page) => ({
          href: `${base}${page.id}.html`,
          label: page.title,
          number: null,
          bonus: false,
          extra: true,
          sectionEnd: false,
          current: current === page.id,
        })),
      ],
      pageTitle,
      pageKind:
        current === 'index' || current === 'concepts' || extraPages.some((p) => p.id === current)
          ? current
          : 'exercise',
    };
  };
  const link = (exercise: ReturnType<typeof exercisesAt>[number] | undefined): PageLink | null =>
    exercise ? { href: exercise.href, title: `${exercise.number}. ${exercise.title}` } : null;

  const index = (base: string): string => {
    const exercises = exercisesAt(base);
    const grades = summarizeGrades(context.report, exercises);
    const extra = extraPages[0];
    return templates.page('index')({
      ...common(base, 'index', ''),
      exercises: exercises.map((exercise) => ({ ...exercise, badge: grades.badges.get(exercise.id) ?? null })),
      grades: {
        shown: context.gradesShown,
        graded: grades.graded,
        score: grades.score,
        maxScore: grades.maxScore,
        next: grades.next,
      },
      first: exercises[0] ?? null,
      totalPoints: exercises.filter((exercise) => !exercise.bonus).reduce((sum, exercise) => sum + exercise.points, 0),
      links: {
        concepts: `${base}concepts.html`,
        extra: extra ? { href: `${base}${extra.id}.html`, title: extra.title } : null,
      },
      howItWorks: plugin.howItWorks ?? null,
      widgets: widgets({ kind: 'index' }),
    });
  };

  const conceptsPage = (base: string): string =>
    templates.page('concepts')({
      ...common(base, 'concepts', conceptsTitle),
      title: conceptsTitle,
      body: renderMarkdown(concepts.body),
      next: link(exercisesAt(base)[0]),
      widgets: widgets({ kind: 'concepts' }),
    });

  const exercisePage = (exercise: Exercise, index: number) => (base: string) => {
    const exercises = exercisesAt(base);
    const finding = context.gradesShown
      ? exerciseFinding(
          context.report,
          { course: course.id, id: exercise.id },
          context.reportOnDisk && reportOlderThanFiles(root, course, exercise),
        )
      : null;
    const attempts = context.gradesShown ? attemptsOf(context.records[`${course.id}/${exercise.id}`]) : [];
    return templates.page('exercise')({
      grade: { shown: context.gradesShown, finding, attempts },
      ...common(base, exercise.id, exercise.title),
      exercise: exercises[index],
      total: exercises.length,
      instructions: renderMarkdown(readMarkdown(root, exercise.instructions, course, context.warn)),
      hints: exercise.hints.map((text, hintIndex) => ({ number: hintIndex + 1, text })),
      starter: starterCode(root, course, exercise),
      solutions: context.solutions
        .filter((snippet) => snippet.exercise === exercise.id && snippet.file.split(/[\\/]/)[1] === course.id)
        .map((snippet) => ({ path: snippet.file, html: highlightTypeScript(snippet.code) })),
      widgets: widgets({ kind: 'exercise', exercise }),
      previous: index === 0 ? { href: `${base}concepts.html`, title: conceptsTitle } : link(exercises[index - 1]),
      next: link(exercises[index + 1]),
    });
  };

  return [
    { id: 'index', render: index },
    { id: 'concepts', render: conceptsPage },
    ...course.exercises.map((exercise, index) => ({ id: exercise.id, render: exercisePage(exercise, index) })),
    ...extraPages.map((page) => ({
      id: page.id,
      render: (base: string) =>
        templates.pluginPage(page.id)({
          ...common(base, page.id, page.title),
          page: plugin.pageData?.(page.id, context.data) ?? {},
        }),
    })),
  ];
}

/** The home page of a kit with several courses: each course's title, summary and a link to its overview. */
function homePage(root: string, sites: readonly CourseSite[]): string {
  const templates = loadPageTemplates(root, join(root, 'site', 'templates'), null);
  return templates.page('home')({
    site: {
      title: 'Courses',
      summary: 'Every course of this kit: pick one to read its concepts, do its exercises and see your grades.',
      courseId: '',
      brandHref: 'index.html',
      homeHref: null,
      navLabel: 'Courses',
      footer: null,
    },
    courseBase: '',
    nav: [
      // The home page's own link, then the courses, set apart by a line.
      {
        href: 'index.html',
        label: 'All courses',
        number: null,
        bonus: false,
        extra: false,
        sectionEnd: true,
        current: true,
      },
      ...sites.map(({ course }, index) => ({
        href: `${course.id}/index.html`,
        label: course.title,
        number: index + 1,
        bonus: false,
        extra: false,
        sectionEnd: false,
        current: false,
      })),
    ],
    pageTitle: '',
    pageKind: 'home',
    courses: sites.map(({ course }, index) => ({
      id: course.id,
      number: index + 1,
      title: course.title,
      summary: course.summary,
      href: `${course.id}/index.html`,
      exerciseCount: course.exercises.length === 1 ? '1 exercise' : `${course.exercises.length} exercises`,
    })),
  });
}

export function renderPages(root: string, sites: readonly CourseSite[], options: RenderOptions = {}): RenderedPage[] {
  if (sites.length === 0) throw new Error('no course to show: the site needs at least one courses/<course>/info.toml');
  const report = options.gradeReport === true ? readGradeReport(root) : options.gradeReport || null;
  const records = options.records ?? (options.gradeReport === true ? readRecords(root) : {});
  const pages: RenderedPage[] = [];
  for (const site of sites) {
    const context: CourseContext = {
      root,
      site,
      templates: loadPageTemplates(root, join(root, 'site', 'templates'), site.pluginDir),
      multiCourse: sites.length > 1,
      report,
      records,
      gradesShown: options.gradeReport !== undefined && options.gradeReport !== false,
      reportOnDisk: options.gradeReport === true,
      solutions: options.solutions ?? [],
      warn: options.warn ?? (() => {}),
      data: Object.fromEntries(
        Object.keys(site.plugin.data ?? {})
          .filter((name) => options.data && name in options.data)
          .map((name) => [name, options.data![name]]),
      ),
    };
    for (const page of coursePages(context)) {
      const file = `${site.course.id}/${page.id}.html`;
      pages.push({ name: file.slice(0, -'.html'.length), file, html: page.render('') });
      // One course: the home page is its overview, as seen from the site's root.
      if (sites.length === 1 && page.id === 'index')
        pages.push({ name: 'index', file: 'index.html', html: page.render(`${site.course.id}/`) });
    }
  }
  if (sites.length > 1) pages.push({ name: 'index', file: 'index.html', html: homePage(root, sites) });
  return pages;
}

/** Files the pages are made from, for the dev server to watch. */
export function pageSources(root: string): string[] {
  return [join(root, 'site', 'templates'), join(root, 'courses'), join(root, '.grade')];
}
