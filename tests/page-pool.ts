// Chromium pages that one test file's tests take in turn: a page handed back is emptied (about:blank, no listeners)
// and handed out again instead of closed. Opening a page starts new renderer processes, about 0.9 CPU-seconds on a
// 2-core machine, most of what a page test costs. A page is reused only if it kept nothing a later page of the same
// site could read (storage, cookies, databases): such a page is closed, so no test ever sees another's state.
import { setTimeout } from 'node:timers/promises';
import type { Browser, Page } from 'playwright-core';

/** How long emptying a page may take before it is closed instead. */
const EMPTYING_MS = 5_000;

export class PagePool {
  private readonly idle: Page[] = [];

  constructor(private readonly browser: Browser) {}

  /** A page with this viewport, nothing loaded and no listener: an emptied one if there is one, else a new one. */
  async open({ viewport }: { viewport: { width: number; height: number } }): Promise<Page> {
    const page = this.idle.pop();
    if (!page) return this.browser.newPage({ viewport });
    await page.setViewportSize(viewport);
    return page;
  }

  /** Takes `page` back for the next test, emptied; closes it instead if it kept state or cannot be emptied. */
  async release(page: Page): Promise<void> {
    await page.removeAllListeners(undefined, { behavior: 'ignoreErrors' });
    try {
      // A page stuck in a loop answers neither: it is closed, as it would have been without the pool.
      const kept = await Promise.race([
        keptState(page).catch(() => 'no answer'),
        setTimeout(EMPTYING_MS, 'no answer', { ref: false }),
      ]);
      if (kept !== false) throw new Error(`the page kept state (${kept})`);
      await page.goto('about:blank', { timeout: EMPTYING_MS });
      this.idle.push(page);
    } catch {
      await page.close().catch(() => undefined);
    }
  }
}

/** Whether the page's site stored anything that would outlive the page. */
async function keptState(page: Page): Promise<boolean> {
  if ((await page.context().cookies()).length > 0) return true;
  return page.evaluate(
    async () =>
      localStorage.length + sessionStorage.length > 0 ||
      ((await indexedDB.databases?.()) ?? []).length > 0 ||
      ((await globalThis.caches?.keys()) ?? []).length > 0,
  );
}
