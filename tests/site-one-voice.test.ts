// Issue 12, "one voice": an exercise page gives no learning-rate advice (its settings are fixed), says where the
// learner's run leaves the reference, and shows the grader's own finding; the playground's saddle has its own words.
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { describeDemoRun } from '../courses/optimizers/site/client/describe-run.js';
import { divergenceAdvice } from '../courses/optimizers/site/client/divergence.js';
import { objectiveById } from '../courses/optimizers/site/shared/objectives.js';
import { loadCourseSites } from '../site/scripts/course-sites.js';
import { parseGradeReport } from '../site/scripts/grade-report.js';
import { renderPages } from '../site/scripts/render-pages.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

it('an exercise run that diverges names where it left the reference, with no advice on the fixed learning rate', () => {
  const reference: [number, number][] = [
    [-1, 2],
    [-1.1, 1.9],
    [-1.2, 1.8],
  ];
  const outcome = {
    status: 'ran' as const,
    optimizer: 'momentum' as const,
    trajectory: [
      [-1, 2],
      [-4, 9],
    ] as [number, number][],
    last: [-4, 9] as [number, number],
    nSteps: 2,
    divergedAt: 1,
    steps: [0, 1],
    states: { fields: [], stride: 0, count: 0, values: new Float64Array() },
  };
  const { detail } = describeDemoRun(outcome as never, 'momentum', reference);
  expect(detail).not.toMatch(/learning rate/i);
  expect(detail).toContain('leaves the reference at step 1: yours (-4.000, 9.000), the reference (-1.100, 1.900)');
  // Its numbers are the page's run, not the grader's: the note says which settings it ran.
  expect(detail).toContain('this page runs α = 0.01, μ = 0.9 from (-1, 2); the grader');
});

it('the playground words a run off the saddle as the expected escape, elsewhere as a learning rate to lower', () => {
  expect(divergenceAdvice(7, objectiveById('saddle'))).not.toMatch(/learning rate/);
  expect(divergenceAdvice(7, objectiveById('saddle'))).toMatch(/expected/);
  expect(divergenceAdvice(7, objectiveById('banana'))).toMatch(/smaller learning rate/);
});

it('an exercise page shows the grader’s finding from the last grade run', async () => {
  const report = parseGradeReport(
    JSON.stringify({
      score: 0,
      maxScore: 1,
      exercises: [
        {
          id: 'optimizers/momentum',
          course: 'optimizers',
          exercise: 'momentum',
          status: 'fail',
          score: 0,
          maxScore: 1,
          tests: [
            { name: 'follows PyTorch', status: 'fail', message: 'Diagnosis: the velocity is missing its (1 − μ)' },
          ],
        },
      ],
    }),
  );
  const pages = renderPages(ROOT, await loadCourseSites(ROOT), { gradeReport: report });
  const momentum = pages.find((page) => page.file === 'optimizers/momentum.html')!.html;
  expect(momentum).toContain('data-grade-finding');
  expect(momentum).toContain('Diagnosis: the velocity is missing its (1 − μ)');
  const sgd = pages.find((page) => page.file === 'optimizers/sgd.html')!.html;
  expect(sgd).toContain('data-grade-finding="none"');
  const built = renderPages(ROOT, await loadCourseSites(ROOT));
  expect(built.find((page) => page.file === 'optimizers/momentum.html')!.html).not.toContain('data-grade-finding');
});
