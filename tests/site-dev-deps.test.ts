// The dev server on a fresh dependency cache: choosing "Your formula…" in the playground loads mathjs for the first
// time, and the page must keep the choice. Without the course's browserDeps pre-bundled at start, Vite finds mathjs
// late, re-bundles and reloads the page, and the learner is back on the banana.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { siteConfig } from '../site/scripts/site-config.js';

let server: ViteDevServer;
let browser: Browser;
let baseUrl: string;
const cacheDir = mkdtempSync(join(tmpdir(), 'site-dev-deps-'));

beforeAll(async () => {
  const config = await siteConfig({ port: 0, logLevel: 'silent' });
  server = await createServer({ ...config, cacheDir, server: { ...config.server, port: 0, strictPort: false } });
  await server.listen();
  baseUrl = server.resolvedUrls?.local[0] ?? '';
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

it('pre-bundles each course’s declared browser dependencies', () => {
  expect(server.config.optimizeDeps.include).toContain('mathjs');
});

it('keeps "Your formula…" chosen on a fresh dev server (no late re-bundle reloads the page)', async () => {
  const page = await browser.newPage();
  try {
    await page.goto(`${baseUrl}optimizers/playground.html`);
    await page.waitForSelector('[data-playground][data-state="ready"]', { timeout: 90_000 });
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
    await page.selectOption('#playground-function', 'formula');
    await page.waitForFunction(
      () => document.querySelector('.playground__function')?.textContent?.includes('100 (y - x ^ 2)'),
      null,
      {
        timeout: 60_000,
      },
    );
    // A re-bundle reloads a little after the new dependency is served: give it the time it would take.
    await page.waitForTimeout(4_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
    expect(await page.inputValue('#playground-function')).toBe('formula');
  } finally {
    await page.close();
  }
}, 180_000);
