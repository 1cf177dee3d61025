// An exercise page lists the learner's passing attempts from .grade/records.json (the dev server; a static build has
// no learner), newest first with the best marked, in the words the suite gave its figures.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { loadCourseSites } from '../site/scripts/course-sites.js';
import { renderPages } from '../site/scripts/render-pages.js';
import type { Records } from '../grader/cli/exercise-records.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

it('the challenge page lists the attempts, newest first, the best marked; other pages and the build list none', async () => {
  const attempt = (at: string, steps: number) => ({
    at,
    figures: [{ name: 'steps', value: steps, text: `${steps} steps`, better: 'lower' as const }],
  });
  const records: Records = {
    'optimizers/challenge': {
      best: attempt('2026-12-01T10:00:00.000Z', 398),
      attempts: [attempt('2026-12-01T10:00:00.000Z', 398), attempt('2026-12-02T09:30:00.000Z', 412)],
    },
  };
  const sites = await loadCourseSites(ROOT);
  const pages = renderPages(ROOT, sites, { gradeReport: null, records });
  const challenge = pages.find((page) => page.file === 'optimizers/challenge.html')!.html;
  expect(challenge).toContain('data-grade-attempts');
  const items = [...challenge.matchAll(/<li>([^<]*)(<span[^>]*>your best<\/span>)? <time[^>]*>([^<]*)<\/time><\/li>/g)];
  expect(items.map((m) => [m[1]!.trim(), Boolean(m[2]), m[3]])).toEqual([
    ['412 steps', false, '2026-12-02 09:30'],
    ['398 steps', true, '2026-12-01 10:00'],
  ]);
  expect(pages.find((page) => page.file === 'optimizers/sgd.html')!.html).not.toContain('data-grade-attempts');
  const built = renderPages(ROOT, sites, { records });
  expect(built.find((page) => page.file === 'optimizers/challenge.html')!.html).not.toContain('data-grade-attempts');
});
