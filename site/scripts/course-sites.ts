// Every course the site presents (courses/*/info.toml, in name order) with its site plug-in, found by convention at
// courses/<course>/site/plugin.ts; a course without one gets the shell's pages alone.
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadCourses, type Course } from '../../grader/course/course-metadata.js';
import { importTypeScript } from './import-typescript.js';
import type { SitePlugin } from './site-plugin.js';

export interface CourseSite {
  course: Course;
  plugin: SitePlugin;
  /** courses/<course>/site, absolute, where the plug-in's templates and client live; null without a plug-in. */
  pluginDir: string | null;
}

/** The plug-in's file, relative to the kit's root. */
export const pluginFile = (courseId: string): string => join('courses', courseId, 'site', 'plugin.ts');

/** Page names the shell gives every course, which no exercise or extra page may take. */
const SHELL_PAGES = ['index', 'concepts'];
/** Folders at the site's root that a course's own folder would collide with. */
const RESERVED_COURSE_IDS = ['assets', 'client', 'styles', 'templates', 'data', 'scripts'];

async function loadPlugin(root: string, course: Course): Promise<Pick<CourseSite, 'plugin' | 'pluginDir'>> {
  const file = pluginFile(course.id);
  const path = join(root, file);
  if (!existsSync(path)) return { plugin: {}, pluginDir: null };
  const module = (await importTypeScript(pathToFileURL(path).href)) as { default?: unknown };
  const plugin = module.default;
  if (typeof plugin !== 'object' || plugin === null)
    throw new Error(`${file} must export its plug-in as the default export: export default { … } satisfies SitePlugin`);
  return { plugin: plugin as SitePlugin, pluginDir: join(root, 'courses', course.id, 'site') };
}

/** Checks what no type can: ids that would overwrite each other's pages or data. */
function checkNames(sites: readonly CourseSite[], root: string): void {
  const dataOwners = new Map<string, string>();
  for (const { course, plugin, pluginDir } of sites) {
    const info = join('courses', course.id, 'info.toml');
    if (RESERVED_COURSE_IDS.includes(course.id))
      throw new Error(`courses/${course.id}/: the site keeps a folder named "${course.id}"; rename the course`);
    const taken = new Set(SHELL_PAGES);
    for (const exercise of course.exercises) {
      if (taken.has(exercise.id))
        throw new Error(`${info}: exercise id "${exercise.id}" would overwrite a page of the site; rename it`);
      taken.add(exercise.id);
    }
    const where = pluginDir ? relative(root, join(pluginDir, 'plugin.ts')) : info;
    for (const page of plugin.pages ?? []) {
      if (taken.has(page.id))
        throw new Error(`${where}: page "${page.id}" has the name of another page of the course; rename it`);
      taken.add(page.id);
    }
    for (const name of Object.keys(plugin.data ?? {})) {
      const owner = dataOwners.get(name);
      if (owner)
        throw new Error(
          `${where}: data module "${name}" is declared by courses/${owner}/site/plugin.ts too; rename one`,
        );
      dataOwners.set(name, course.id);
    }
  }
}

export async function loadCourseSites(root: string): Promise<CourseSite[]> {
  const sites = await Promise.all(
    loadCourses(root).map(async (course) => ({ course, ...(await loadPlugin(root, course)) })),
  );
  checkNames(sites, root);
  return sites;
}
