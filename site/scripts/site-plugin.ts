// The contract between the site shell and a course: what `courses/<course>/site/plugin.ts` may add to that course's
// pages. The shell renders every course's index, concepts page, exercise pages and pager on its own; a plug-in adds
// widgets, extra pages and build-time data, and a course without one still gets every page.
import type { Course, Exercise } from '../../grader/course/course-metadata.js';

/** A page of the course, as a plug-in sees it when it chooses the widgets that go on it. */
export type CoursePage = { kind: 'index' } | { kind: 'concepts' } | { kind: 'exercise'; exercise: Exercise };

/**
 * One widget: a partial template of the plug-in (`templates/partials/<partial>.hbs`) rendered with `data`, under an
 * optional heading and lead line. On the index it gets a section of its own after the exercises; on the concepts
 * and exercise pages it follows the text (and the starting code).
 */
export interface Widget {
  partial: string;
  heading?: string;
  lead?: string;
  data: Record<string, unknown>;
}

/** A page beyond the index, concepts and exercises: `templates/pages/<id>.hbs`, linked after the exercises. */
export interface ExtraPage {
  /** The page's file name without `.html`; it must differ from every exercise id. */
  id: string;
  /** Its sidebar label and title. */
  title: string;
}

/**
 * Data computed in Node, once per build or dev server, that the browser imports as `virtual:<name>`. Where
 * `solutions/<course>/` exists it is computed (so it may import the solutions, lazily: `await import(…)` inside the
 * function); a student kit, which has no solutions, reads `site/data/<name>.json` instead, written by the release.
 * Names are shared by every course: the shell refuses two plug-ins that declare the same one.
 */
export type DataModules = Record<string, () => Promise<unknown>>;

/**
 * The values of the plug-in's own data modules, by name, as the browser gets them: given to `widgets()` and
 * `pageData()` when the site is built or served, so that a page's HTML can already show what they draw (a static
 * picture of a chart, replaced by the live one once the page's script has run). Empty where pages are rendered
 * without them (some tests do): a plug-in then leaves that picture out.
 */
export type BuiltData = Readonly<Record<string, unknown>>;

export interface SitePlugin {
  /**
   * A browser module, relative to the plug-in's folder, that every page of the course loads after the shell's own
   * script: it finds its widgets in the page (by their markup) and brings them to life.
   */
  client?: string;
  /**
   * npm packages the client imports, lazily included, for the dev server to pre-bundle as it starts (Vite's
   * `optimizeDeps.include`). One found only when a learner first opens the widget that imports it makes Vite
   * re-bundle and reload the page, losing what the learner just chose.
   */
  browserDeps?: string[];
  /** The widgets of one page, in order; none by default. */
  widgets?(page: CoursePage, course: Course, data: BuiltData): Widget[];
  pages?: ExtraPage[];
  /** Values an extra page's template reads as `page.<key>` (`page` is `{}` without this). */
  pageData?(id: string, data: BuiltData): Record<string, unknown>;
  data?: DataModules;
  /** A partial of the plug-in that replaces the index's generic "How it works" steps. */
  howItWorks?: string;
  /** A sentence added to the footer of every page of the course. */
  footer?: string;
}
