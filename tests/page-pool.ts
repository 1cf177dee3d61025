// Chromium pages that one test file's tests take in turn: a page handed back is emptied (about:blank, no listeners)
// and handed out again instead of closed. Opening a page starts new renderer processes, about 0.9 CPU-seconds on a
// 2-core machine, most of what a page test costs; the site keeps nothing across its pages (no storage, no cookies),
// so a page that has shown another is as good as a new one.
import type { Browser, Page } from 'playwright-core';

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

  /** Takes `page` back for the next test, emptied; closes it instead if it cannot be emptied. */
  async release(page: Page): Promise<void> {
    await page.removeAllListeners(undefined, { behavior: 'ignoreErrors' });
    try {
      await page.goto('about:blank');
      this.idle.push(page);
    } catch {
      await page.close().catch(() => undefined);
    }
  }
}
