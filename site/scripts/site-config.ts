// The one Vite configuration behind both `npm run site` (dev server) and `npm run build` (static site):
// root site/, relative base so the output works under any sub-path, pages rendered by the course-pages plugin,
// and each course's site plug-in: its browser module and its build-time data modules.
import { dirname, join, relative, resolve } from 'node:path';
import type { InlineConfig, LogLevel, Plugin } from 'vite';
import { brokenLearnerModules } from './broken-learner-module-plugin.js';
import { courseClientPreload } from './course-client-preload-plugin.js';
import { courseClients } from './course-clients-plugin.js';
import { coursePages } from './course-pages-plugin.js';
import { loadCourseSites, type CourseSite } from './course-sites.js';
import { reloadOnExerciseChange } from './exercise-reload-plugin.js';
import { solvedOrShipped } from './kit-data.js';
import { loopGuard } from './loop-guard-plugin.js';
import { mathFontPreload } from './math-font-preload-plugin.js';
import type { ModuleRecorder } from './module-recorder-plugin.js';
import { dropOrphanSourcemaps } from './orphan-sourcemaps-plugin.js';
import type { BuiltData } from './site-plugin.js';
import { solutionSnippets } from './solution-snippets.js';
import { virtualData } from './virtual-data-plugin.js';
import { DEFAULT_OUT_DIR, REPO_ROOT, SITE_ROOT } from './site-paths.js';

export interface SiteConfigOptions {
  outDir?: string;
  port?: number;
  logLevel?: LogLevel;
  recorder?: ModuleRecorder;
  instructor?: boolean;
}

/**
 * Every plug-in's data modules: as Vite plugins, and all their values by name for the pages' HTML. Each computes (or
 * reads) its data once, however many bundles and pages use it.
 */
function dataModules(sites: readonly CourseSite[]): { plugins: () => Plugin[]; values: () => Promise<BuiltData> } {
  const modules = sites.flatMap(({ course, plugin }) =>
    Object.entries(plugin.data ?? {}).map(([name, compute]) => {
      let data: Promise<unknown> | null = null;
      return { name, load: () => (data ??= solvedOrShipped(REPO_ROOT, course.id, name, compute)) };
    }),
  );
  let values: Promise<BuiltData> | null = null;
  return {
    plugins: () => modules.map((module) => virtualData(`virtual:${module.name}`, module.load)),
    // One that fails is left out: the pages render without what it would have drawn, and its import still says why.
    values: () =>
      (values ??= Promise.all(
        modules.map((module) =>
          module.load().then(
            (value) => [[module.name, value] as const],
            () => [],
          ),
        ),
      ).then((entries) => Object.fromEntries(entries.flat()))),
  };
}

export async function siteConfig(options: SiteConfigOptions = {}): Promise<InlineConfig> {
  const sites = await loadCourseSites(REPO_ROOT);
  const data = dataModules(sites);
  const solutions = options.instructor ? solutionSnippets(REPO_ROOT) : undefined;
  const recorded = options.recorder ? [options.recorder.plugin()] : [];
  // Every bundle that holds learner code, the workers' included, gets the same learner modules: a broken one
  // replaced by a module that says what is wrong, the others with their loops guarded.
  const exercises = join(REPO_ROOT, 'exercises');
  const learnerModules = () => [
    brokenLearnerModules(REPO_ROOT, exercises),
    loopGuard(exercises, join(SITE_ROOT, 'client', 'loop-guard.ts')),
  ];
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const assetsDir = join(outDir, 'assets');
  return {
    configFile: false,
    root: SITE_ROOT,
    base: './',
    publicDir: false,
    appType: 'mpa',
    logLevel: options.logLevel ?? 'info',
    plugins: [
      coursePages(REPO_ROOT, SITE_ROOT, sites, { solutions, data: data.values }),
      courseClients(sites),
      courseClientPreload(sites),
      mathFontPreload(),
      ...learnerModules(),
      ...data.plugins(),
      reloadOnExerciseChange(exercises),
      dropOrphanSourcemaps(),
      ...recorded,
    ],
    worker: {
      format: 'es',
      plugins: () => [...learnerModules(), ...data.plugins(), ...(options.recorder ? [options.recorder.plugin()] : [])],
      rolldownOptions: {
        // A learner who renames an export breaks only the runs that use it (they say the export is missing), not the build.
        shimMissingExports: true,
        output: {
          // Vite bundles workers as if their output lay elsewhere; re-aim the map's sources at the real assets folder.
          sourcemapPathTransform: (source, mapPath) => relative(assetsDir, resolve(dirname(mapPath), source)),
        },
      },
    },
    // The pages are rendered by a plug-in, so Vite cannot crawl them for imports at start: each course names its own.
    optimizeDeps: { include: [...new Set(sites.flatMap(({ plugin }) => plugin.browserDeps ?? []))] },
    server: {
      host: '127.0.0.1',
      port: options.port ?? 5173,
      fs: {
        allow: [REPO_ROOT],
        // Vite's defaults, plus the reference solutions: the dev server has no reason to hand them out.
        deny: ['.env', '.env.*', '*.{crt,pem}', '**/.git/**', '**/solutions/**'],
      },
    },
    build: {
      outDir,
      emptyOutDir: true,
      sourcemap: true,
      // Chart.js alone is ~200 kB minified; one chart library per page is expected here.
      chunkSizeWarningLimit: 400,
      rolldownOptions: { shimMissingExports: true },
    },
  };
}
