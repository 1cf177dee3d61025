// Where the site's sources and builds live, apart from the Vite configuration: a command reads them to check its
// arguments before it loads Vite and every course's plug-in.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SITE_ROOT = join(REPO_ROOT, 'site');
export const DEFAULT_OUT_DIR = join(SITE_ROOT, 'dist');
/** The instructor build (solutions shown) goes elsewhere, so it is never published by mistake in place of site/dist. */
export const INSTRUCTOR_OUT_DIR = join(SITE_ROOT, 'dist-instructor');
