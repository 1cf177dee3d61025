// Vite plugin that makes the rendered pages look like HTML files under the site root (index.html, <course>/*.html):
// build entries (resolved and loaded from memory) and, in the dev server, pages re-rendered on each request and
// reloaded in the browser when a template, an info.toml or a markdown file changes.
import { join } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { loadCourseSites, type CourseSite } from './course-sites.js';
import { pageSources, renderPages } from './render-pages.js';
import type { BuiltData } from './site-plugin.js';
import type { SolutionSnippet } from './solution-snippets.js';

export function coursePages(
  repoRoot: string,
  siteRoot: string,
  sites: readonly CourseSite[],
  options: {
    solutions?: readonly SolutionSnippet[];
    /** The plug-ins' data modules' values, which widgets may draw into the pages' HTML. */
    data?: () => Promise<BuiltData>;
  } = {},
): Plugin {
  const data = options.data ?? (() => Promise.resolve({}));
  const pageId = (file: string): string => normalizePath(join(siteRoot, file));
  const builtPages = new Map<string, string>();

  return {
    name: 'course-pages',
    enforce: 'pre',

    async config(_config, env) {
      if (env.command !== 'build') return;
      const warn = (message: string): void => console.warn(`warning: ${message}`);
      const pages = renderPages(repoRoot, sites, { solutions: options.solutions, warn, data: await data() });
      for (const page of pages) builtPages.set(pageId(page.file), page.html);
      return {
        build: { rollupOptions: { input: Object.fromEntries(pages.map((page) => [page.name, pageId(page.file)])) } },
      };
    },

    resolveId(id) {
      return builtPages.has(id) ? id : undefined;
    },

    load(id) {
      return builtPages.get(id);
    },

    configureServer(server) {
      const sources = pageSources(repoRoot);
      server.watcher.add(sources);
      const reloadIfSource = (file: string): void => {
        if (sources.some((dir) => file.startsWith(dir))) server.ws.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', reloadIfSource).on('add', reloadIfSource).on('unlink', reloadIfSource);

      // Registered directly (not returned), so it runs before Vite's own HTML middleware looks for files on disk.
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const file = decodeURIComponent(path.endsWith('/') ? `${path.slice(1)}index.html` : path.slice(1));
        if (!file.endsWith('.html')) return next();
        // The dev server is where a learner works, so each index shows their last grade run. info.toml is read
        // afresh, so a new exercise appears on the next request.
        Promise.all([loadCourseSites(repoRoot), data()])
          .then(([fresh, values]) =>
            renderPages(repoRoot, fresh, { gradeReport: true, solutions: options.solutions, data: values }),
          )
          .then((pages) => {
            const page = pages.find((candidate) => candidate.file === file);
            if (!page) return next();
            return server.transformIndexHtml(path, page.html, req.originalUrl).then((html) => {
              res.statusCode = 200;
              res.setHeader('Content-Type', 'text/html; charset=utf-8');
              res.setHeader('Cache-Control', 'no-cache');
              res.end(html);
            });
          })
          .catch(next);
      });
    },
  };
}
