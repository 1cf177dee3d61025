// Renders every page of the course site from the Handlebars templates in site/templates, the course's
// info.toml and its markdown: the overview, the concepts page and one page per exercise, in info.toml order.
import Handlebars from 'handlebars';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { loadCourses, type Course, type Exercise } from '../../grader/course/course-metadata.js';
import { DEMO_RUNS, isOptimizerId, type DemoRun } from '../shared/demo-runs.js';
import { renderMarkdown, splitTitle } from './render-markdown.js';
import { stripMarkdown } from '../../scripts/stubs/strip-markdown.js';
import { solutionSnippets } from '../../scripts/stubs/generate-stubs.js';
import { readGradeReport, type GradeReport } from './grade-report.js';
import { summarizeGrades } from './grade-summary.js';
import { highlightTypeScript } from './highlight-code.js';
import { HEATMAP_SIZE, MAX_STEPS, SEARCH_BUDGET, SEARCH_SEED } from '../shared/search-heatmap.js';

/** The course this site presents. */
export const COURSE_ID = 'optimizers';

export interface RenderedPage {
  /** Entry name for the bundler: 'index', 'concepts' or an exercise id. */
  name: string;
  /** Output file, relative to the site root. */
  file: string;
  html: string;
}

interface PageLink {
  href: string;
  title: string;
}

interface ChartPanel {
  heading?: string;
  kind: 'landscape' | 'race' | 'exercise' | 'challenge';
  optimizers: string;
  label: string;
  caption: string;
  /** A loss chart, a step scrubber and the inner-state panel beside the trajectories. */
  scrub: boolean;
}

const SYMBOLS: Record<string, string> = {
  learningRate: 'α',
  momentum: 'μ',
  momentumGrad: 'μ₁',
  momentumGradSquared: 'μ₂',
  epsilon: 'ε',
};

function describeSettings(run: DemoRun): string {
  return Object.entries(run.options)
    .map(([name, value]) => `${SYMBOLS[name] ?? name} = ${value}`)
    .join(', ');
}

function chartFor(exercise: Exercise): ChartPanel | null {
  if (isOptimizerId(exercise.id)) {
    const run = DEMO_RUNS.find((candidate) => candidate.id === exercise.id)!;
    return {
      heading: 'Your run beside the reference',
      kind: 'exercise',
      scrub: true,
      optimizers: run.id,
      label: `Trajectories of the reference ${run.name} and of yours on Rosenbrock's banana function`,
      caption: `100 steps from (−1, 2) with ${describeSettings(run)}. Solid: the reference ${run.name}. Dashed: your class, run in this browser tab.`,
    };
  }
  if (exercise.id === 'challenge') {
    return {
      heading: 'Your entry on the banana',
      kind: 'challenge',
      scrub: true,
      optimizers: '',
      label: "Trajectory of your challenge entry on Rosenbrock's banana function",
      caption:
        'Dashed: the run described by challengeEntry(), using your own optimizer class. It passes when its last point lies within 0.01 of (1, 1).',
    };
  }
  return null;
}

interface HeatmapPanel {
  heading: string;
  label: string;
  caption: string;
}

function heatmapFor(exercise: Exercise): HeatmapPanel | null {
  if (exercise.id !== 'hyperparameter-search') return null;
  return {
    heading: 'Where your searches looked',
    label:
      'Heatmap of the steps the reference Momentum needs over learning rate (log scale) and momentum, with the trials of your grid and random searches on top',
    caption: `Background: the steps the reference Momentum needs from (−1, 2) to come within 0.01 of (1, 1), on a ${HEATMAP_SIZE} × ${HEATMAP_SIZE} grid over α ∈ [0.001, 0.01] (log scale) and μ ∈ [0.5, 0.98]; grey: never within ${MAX_STEPS.toLocaleString('en')} steps. On top: your gridSearch() and randomSearch() (mulberry32, seed ${SEARCH_SEED}) with a budget of ${SEARCH_BUDGET}, run in this browser tab with your own Momentum; the larger orange markers are their bestTrial().`,
  };
}

function loadTemplates(templatesDir: string): (name: string) => Handlebars.TemplateDelegate {
  // A fresh Handlebars environment per render, so the dev server picks up edited partials without restarting.
  const handlebars = Handlebars.create();
  const partialsDir = join(templatesDir, 'partials');
  for (const file of readdirSync(partialsDir).filter((name) => name.endsWith('.hbs'))) {
    handlebars.registerPartial(basename(file, '.hbs'), readFileSync(join(partialsDir, file), 'utf8'));
  }
  const templates = new Map<string, Handlebars.TemplateDelegate>();
  for (const file of readdirSync(templatesDir).filter((name) => name.endsWith('.hbs'))) {
    // strict: a misspelt field fails the render instead of printing nothing. preventIndent: partials must not
    // re-indent the markdown HTML they wrap, or every line of a <pre> block would gain leading spaces.
    const source = readFileSync(join(templatesDir, file), 'utf8');
    templates.set(basename(file, '.hbs'), handlebars.compile(source, { strict: true, preventIndent: true }));
  }
  return (name) => {
    const template = templates.get(name);
    if (!template) throw new Error(`site/templates/${name}.hbs is missing`);
    return template;
  };
}

/** A page's markdown as learners see it: `<!-- Hide: … -->` regions are left out of the normal variant. */
function readMarkdown(root: string, relativePath: string, course: Course): string {
  const path = join(root, relativePath);
  if (!existsSync(path)) throw new Error(`${relativePath} is missing: every page of the site needs its markdown`);
  return stripMarkdown(readFileSync(path, 'utf8'), relativePath, course.labels, 'normal');
}

function findCourse(root: string): Course {
  const course = loadCourses(root).find((candidate) => candidate.id === COURSE_ID);
  if (!course) throw new Error(`courses/${COURSE_ID}/info.toml not found under ${root}`);
  return course;
}

export interface RenderOptions {
  /**
   * Show the learner's last grade run on the index (the dev server; a static build has no learner): true reads
   * .grade/last-report.json, a report (or null for none) is shown as given, which the tests use.
   */
  gradeReport?: boolean | GradeReport | null;
  /** Add each exercise's solution, collapsed: for the instructor build only. */
  instructor?: boolean;
}

interface CodeBlock {
  path: string;
  html: string;
}

/** The learner's starting files for an exercise, highlighted, straight from exercises/<course>/. */
function starterCode(root: string, course: Course, exercise: Exercise): CodeBlock[] {
  return exercise.files.map((file) => {
    const path = `exercises/${course.id}/${file}`;
    const full = join(root, path);
    return { path, html: existsSync(full) ? highlightTypeScript(readFileSync(full, 'utf8')) : '' };
  });
}

export function renderPages(root: string, options: RenderOptions = {}): RenderedPage[] {
  const course = findCourse(root);
  const solutions = options.instructor ? solutionSnippets(root, course) : [];
  const template = loadTemplates(join(root, 'site', 'templates'));
  const concepts = splitTitle(readMarkdown(root, join('courses', course.id, 'concepts.md'), course));
  const conceptsTitle = concepts.title ?? 'Concepts';

  for (const exercise of course.exercises) {
    if (exercise.id === 'index' || exercise.id === 'concepts' || exercise.id === 'playground') {
      throw new Error(`exercise id "${exercise.id}" would overwrite a page of the site; rename it in info.toml`);
    }
  }
  const exercises = course.exercises.map((exercise, index) => ({
    ...exercise,
    number: index + 1,
    href: `${exercise.id}.html`,
    paths: exercise.files.map((file) => `exercises/${course.id}/${file}`),
    pointsLabel: exercise.points === 1 ? '1 point' : `${exercise.points} points`,
  }));
  const report = options.gradeReport === true ? readGradeReport(root) : options.gradeReport || null;
  const grades = summarizeGrades(report, exercises);
  const indexExercises = exercises.map((exercise) => ({ ...exercise, badge: grades.badges.get(exercise.id) ?? null }));
  const conceptsLink: PageLink = { href: 'concepts.html', title: conceptsTitle };
  const nav = (current: string) => [
    { href: 'index.html', label: 'Overview', number: null, bonus: false, current: current === 'index' },
    { href: conceptsLink.href, label: 'Concepts', number: null, bonus: false, current: current === 'concepts' },
    ...exercises.map((exercise) => ({
      href: exercise.href,
      label: exercise.title,
      number: exercise.number,
      bonus: exercise.bonus,
      current: current === exercise.id,
    })),
    { href: 'playground.html', label: 'Playground', number: null, bonus: false, current: current === 'playground' },
  ];
  const common = (name: string, pageTitle: string) => ({
    course: { id: course.id, title: course.title, summary: course.summary },
    nav: nav(name),
    pageTitle,
    pageKind: name === 'index' || name === 'concepts' || name === 'playground' ? name : 'exercise',
  });
  const link = (exercise: (typeof exercises)[number] | undefined): PageLink | null =>
    exercise ? { href: exercise.href, title: `${exercise.number}. ${exercise.title}` } : null;

  const pages: RenderedPage[] = [
    {
      name: 'index',
      file: 'index.html',
      html: template('index')({
        ...common('index', ''),
        exercises: indexExercises,
        grades: {
          shown: options.gradeReport !== undefined && options.gradeReport !== false,
          graded: grades.graded,
          score: grades.score,
          maxScore: grades.maxScore,
          next: grades.next,
        },
        first: exercises[0] ?? null,
        totalPoints: exercises
          .filter((exercise) => !exercise.bonus)
          .reduce((sum, exercise) => sum + exercise.points, 0),
        chart: {
          kind: 'race',
          scrub: true,
          optimizers: DEMO_RUNS.map((run) => run.id).join(','),
          label: "Trajectories of the four reference optimizers and of yours on Rosenbrock's banana function",
          caption:
            "The workshop's demo settings, 100 steps each from (−1, 2). Solid: reference solutions. Dashed: your classes from exercises/optimizers, run in this browser tab.",
        } satisfies ChartPanel,
      }),
    },
    {
      name: 'concepts',
      file: 'concepts.html',
      html: template('concepts')({
        ...common('concepts', conceptsTitle),
        title: conceptsTitle,
        body: renderMarkdown(concepts.body),
        next: link(exercises[0]),
        chart: {
          kind: 'landscape',
          scrub: false,
          optimizers: '',
          label: "Contour map of Rosenbrock's banana function with the start and the minimum marked",
          caption:
            'f(x, y) = (1 − x)² + 100·(y − x²)² + 1 over x ∈ [−2, 2], y ∈ [−1, 3], with contour lines at log-spaced heights.',
        } satisfies ChartPanel,
      }),
    },
    ...exercises.map((exercise, index) => ({
      name: exercise.id,
      file: exercise.href,
      html: template('exercise')({
        ...common(exercise.id, exercise.title),
        exercise,
        total: exercises.length,
        instructions: renderMarkdown(readMarkdown(root, exercise.instructions, course)),
        hints: exercise.hints.map((text, hintIndex) => ({ number: hintIndex + 1, text })),
        starter: starterCode(root, course, exercise),
        solutions: solutions
          .filter((snippet) => snippet.exercise === exercise.id)
          .map((snippet) => ({ path: snippet.file, html: highlightTypeScript(snippet.code) })),
        chart: chartFor(exercise),
        heatmap: heatmapFor(exercise),
        previous: index === 0 ? conceptsLink : link(exercises[index - 1]),
        next: link(exercises[index + 1]),
      }),
    })),
    {
      name: 'playground',
      file: 'playground.html',
      html: template('playground')(common('playground', 'Playground')),
    },
  ];
  return pages;
}

/** Files the pages are made from, for the dev server to watch. */
export function pageSources(root: string): string[] {
  return [join(root, 'site', 'templates'), join(root, 'courses', COURSE_ID), join(root, '.grade')];
}
