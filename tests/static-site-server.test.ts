// The Chromium tests' own HTTP server: what it answers for files there, missing, outside its folder or named with a
// broken escape, and that it goes on serving after each.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveSite } from './static-site-server.js';

let root: string;
let server: Awaited<ReturnType<typeof serveSite>>;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'static-site-server-'));
  mkdirSync(join(root, 'site', 'assets'), { recursive: true });
  writeFileSync(join(root, 'site', 'index.html'), '<p>home</p>');
  writeFileSync(join(root, 'site', 'assets', 'page.css'), 'p{}');
  writeFileSync(join(root, 'secret.txt'), 'not part of the site');
  server = await serveSite(join(root, 'site'), '/kit/');
});

afterAll(() => {
  server?.close();
  rmSync(root, { recursive: true, force: true });
});

const get = async (path: string) => {
  const response = await fetch(new URL(path, server.url)); // relative paths are below /kit/
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
};

test('serves the files of its folder below its path, each with its type, the path itself as index.html', async () => {
  expect(await get('')).toEqual({ status: 200, type: 'text/html; charset=utf-8', body: '<p>home</p>' });
  expect(await get('assets/page.css')).toMatchObject({ status: 200, type: 'text/css; charset=utf-8', body: 'p{}' });
});

test('a missing file is a 404, a broken escape a 400, a path out of its folder a 404; it goes on serving', async () => {
  expect((await get('favicon.ico')).status).toBe(404);
  expect((await get('assets/%E0%A4%A')).status).toBe(400);
  expect((await get('/kit/..%2Fsecret.txt')).status).toBe(404);
  expect((await get('/elsewhere/index.html')).status).toBe(404);
  expect(await get('assets/page.css')).toMatchObject({ status: 200, body: 'p{}' });
});
