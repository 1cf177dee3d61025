// Build plugin: each page names its course's browser module and that module's static imports (and styles) in its
// <head>, so the browser fetches and compiles them while it parses the page. Without it they are asked for only
// once the shell's page script has run, after parsing, which on a slow machine delays the first chart by the
// round trips and the compile.
import { join } from 'node:path';
import { normalizePath, type Plugin, type Rollup } from 'vite';
import type { CourseSite } from './course-sites.js';
import { pageHref } from './page-href.js';

/** The chunk `fileName` and every chunk it imports statically, itself first, each once. */
function staticClosure(bundle: Rollup.OutputBundle, fileName: string, seen = new Set<string>()): string[] {
  const chunk = bundle[fileName];
  if (seen.has(fileName) || chunk?.type !== 'chunk') return [];
  seen.add(fileName);
  return [fileName, ...chunk.imports.flatMap((imported) => staticClosure(bundle, imported, seen))];
}

export function courseClientPreload(sites: readonly CourseSite[]): Plugin {
  const entries = new Map(
    sites
      .filter((site) => site.pluginDir !== null && site.plugin.client)
      .map((site) => [site.course.id, normalizePath(join(site.pluginDir!, site.plugin.client!))]),
  );
  return {
    name: 'course-client-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, bundle }) {
        const course = /<body[^>]*\sdata-course="([^"]+)"/.exec(html)?.[1];
        const entry = course === undefined ? undefined : entries.get(course);
        if (!entry || !bundle) return html;
        const chunk = Object.values(bundle).find(
          (output): output is Rollup.OutputChunk => output.type === 'chunk' && output.facadeModuleId === entry,
        );
        if (!chunk) return html;
        const closure = staticClosure(bundle, chunk.fileName);
        const styles = closure.flatMap((file) => [
          ...((bundle[file] as Rollup.OutputChunk).viteMetadata?.importedCss ?? []),
        ]);
        const href = (file: string): string => pageHref(path, file);
        // What the page links already (the shell's own script and styles, which the module may share) stays as is.
        const linked = (file: string): boolean => html.includes(`"${href(file)}"`);
        const scripts = closure.filter((file) => !linked(file));
        return [
          ...scripts.map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: href(file) },
            injectTo: 'head' as const,
          })),
          // The course's widget styles are in place for the first layout, instead of restyling the page later.
          ...[...new Set(styles)]
            .filter((file) => !linked(file))
            .map((file) => ({
              tag: 'link',
              attrs: { rel: 'stylesheet', crossorigin: true, href: href(file) },
              injectTo: 'head' as const,
            })),
        ];
      },
    },
  };
}
