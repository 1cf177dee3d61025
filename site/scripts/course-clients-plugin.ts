// Vite plugin serving `virtual:course-clients`: for each course whose plug-in has a browser module, a loader that
// imports it. The shell's page script calls the loader of the page's own course, so a page loads no other course's code.
import { join } from 'node:path';
import { normalizePath, type Plugin } from 'vite';
import type { CourseSite } from './course-sites.js';

const PUBLIC_ID = 'virtual:course-clients';
const RESOLVED_ID = `\0${PUBLIC_ID}`;

export function courseClientsModule(sites: readonly CourseSite[]): string {
  const loaders = sites
    .filter((site) => site.pluginDir !== null && site.plugin.client)
    .map((site) => {
      const entry = normalizePath(join(site.pluginDir!, site.plugin.client!));
      return `  ${JSON.stringify(site.course.id)}: () => import(${JSON.stringify(entry)}),`;
    });
  return `export const clients = {\n${loaders.join('\n')}\n};\n`;
}

export function courseClients(sites: readonly CourseSite[]): Plugin {
  return {
    name: 'course-clients',
    resolveId: (id) => (id === PUBLIC_ID ? RESOLVED_ID : undefined),
    load: (id) => (id === RESOLVED_ID ? courseClientsModule(sites) : undefined),
  };
}
