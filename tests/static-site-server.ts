// A built site served over HTTP on a free local port, for Chromium tests and the site bench: files of the folder
// only (never outside it), below the site's own path (a sub-path, as on GitHub Pages, proves the relative base
// works), the path itself as index.html, each with its content type.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Serves `dir` at `base` (a path ending in a slash); `url` is the site's root, ending in a slash. */
export function serveSite(dir: string, base = '/'): Promise<{ close(): void; url: string }> {
  const server = createServer((req, res) => {
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    } catch {
      return void res.writeHead(400).end(); // a malformed %-escape names no file
    }
    if (!path.startsWith(base)) return void res.writeHead(404).end();
    const inside = path.slice(base.length);
    const file = normalize(join(dir, inside === '' ? 'index.html' : inside));
    if (!file.startsWith(dir + sep)) return void res.writeHead(404).end();
    // Read before the status goes out: a file that is not there is a 404, not a 200 whose body never comes.
    let body: Buffer;
    try {
      body = readFileSync(file);
    } catch {
      return void res.writeHead(404).end();
    }
    res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
  });
  return new Promise((done) =>
    server.listen(0, '127.0.0.1', () =>
      done({
        close: () => server.close(),
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}${base}`,
      }),
    ),
  );
}
