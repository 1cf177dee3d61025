// A link from a built page to a file of the build, relative as the rest of the page's links are: the site may be
// served under any path (GitHub Pages puts it under the repository's name).
import { posix } from 'node:path';

/** The href from the page at `pagePath` (from the site's root, as Vite's transformIndexHtml gives it) to `file`. */
export const pageHref = (pagePath: string, file: string): string => posix.relative(posix.dirname(pagePath), `/${file}`);
