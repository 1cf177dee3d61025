// Vite plugin that makes the rendered course pages look like HTML files at the site root: build entries
// (resolved and loaded from memory) and, in the dev server, pages re-rendered on each request and
// reloaded in the browser when a template, info.toml or a markdown file changes.
import { join } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import { pageSources, renderPages, type RenderOptions } from './render-pages.js';

export function coursePages(repoRoot: string, siteRoot: string, options: { instructor?: boolean } = {}): Plugin {
  const pageId = (file: string): string => normalizePath(join(siteRoot, file));
  const builtPages = new Map<string, string>();

  return {
    name: 'course-pages',
    enforce: 'pre',

    config(_config, env) {
      if (env.command !== 'build') return;
      const pages = renderPages(repoRoot, { instructor: options.instructor });
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
      // The dev server is where a learner works, so its index shows their last grade run.
      const devRender: RenderOptions = { gradeReport: true, instructor: options.instructor };
      const sources = pageSources(repoRoot);
      server.watcher.add(sources);
      const reloadIfSource = (file: string): void => {
        if (sources.some((dir) => file.startsWith(dir))) server.ws.send({ type: 'full-reload', path: '*' });
      };
      server.watcher.on('change', reloadIfSource).on('add', reloadIfSource).on('unlink', reloadIfSource);

      // Registered directly (not returned), so it runs before Vite's own HTML middleware looks for files on disk.
      server.middlewares.use((req, res, next) => {
        const path = new URL(req.url ?? '/', 'http://localhost').pathname;
        const file = path === '/' ? 'index.html' : decodeURIComponent(path.slice(1));
        if (!file.endsWith('.html')) return next();
        let page;
        try {
          page = renderPages(repoRoot, devRender).find((candidate) => candidate.file === file);
        } catch (error) {
          return next(error);
        }
        if (!page) return next();
        server
          .transformIndexHtml(path, page.html, req.originalUrl)
          .then((html) => {
            res.statusCode = 200;
            res.setHeader('Content-Type', 'text/html; charset=utf-8');
            res.setHeader('Cache-Control', 'no-cache');
            res.end(html);
          })
          .catch(next);
      });
    },
  };
}
