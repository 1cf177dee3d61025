// The course index's grade status: the grader's JSON report parsed defensively and summarised as badges and
// a "next" exercise, and the index rendered with and without a report.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCourseSites, type CourseSite } from '../site/scripts/course-sites.js';
import { GRADE_REPORT_PATH, parseGradeReport, readGradeReport } from '../site/scripts/grade-report.js';
import { exerciseFinding, summarizeGrades } from '../site/scripts/grade-summary.js';
import { renderPages } from '../site/scripts/render-pages.js';

const EXERCISES = [
  { id: 'sgd', title: 'SGD', href: 'sgd.html', bonus: false },
  { id: 'rmsprop', title: 'RMSprop', href: 'rmsprop.html', bonus: true },
  { id: 'momentum', title: 'Momentum', href: 'momentum.html', bonus: false },
];

const report = (exercises: unknown[]) => JSON.stringify({ score: 1, maxScore: 3, exercises });

describe('grade report on the course index', () => {
  it('says "not graded yet" when there is no report, or it is not the grader’s JSON', () => {
    expect(summarizeGrades(null, EXERCISES).graded).toBe(false);
    expect(parseGradeReport('{"score": 1')).toBeNull();
    expect(parseGradeReport('[]')).toBeNull();
    // A folder where the report goes (or a file that cannot be read) is no report either, not a failed build.
    const kit = mkdtempSync(join(tmpdir(), 'site-grades-'));
    mkdirSync(join(kit, GRADE_REPORT_PATH), { recursive: true });
    try {
      expect(readGradeReport(kit)).toBeNull();
    } finally {
      rmSync(kit, { recursive: true, force: true });
    }
  });

  it('badges each exercise and points at the first core exercise not passed', () => {
    const parsed = parseGradeReport(
      report([
        { id: 'sgd', status: 'pass', score: 1, maxScore: 1, tests: [{ name: 'a', status: 'pass', message: '' }] },
        {
          id: 'momentum',
          status: 'fail',
          score: 0,
          maxScore: 1,
          tests: [{ name: 'matches torch', status: 'fail', message: 'off by 0.1' }],
        },
        {
          id: 'rmsprop',
          status: 'error',
          score: 0,
          maxScore: 1,
          tests: [{ name: 'b', status: 'fail', kind: 'not-implemented', message: 'not implemented yet: RMSprop' }],
        },
        { id: 'bogus', status: 'weird' },
      ]),
    );
    const summary = summarizeGrades(parsed, EXERCISES);
    expect(summary.graded).toBe(true);
    expect(summary.badges.get('sgd')).toMatchObject({ tone: 'ok', label: 'passed' });
    expect(summary.badges.get('momentum')).toMatchObject({
      tone: 'warn',
      label: 'failing',
      detail: 'matches torch: off by 0.1',
    });
    expect(summary.badges.get('rmsprop')).toMatchObject({ tone: 'todo', label: 'to do' });
    // Momentum comes after the bonus RMSprop in the list, but the core track goes first.
    expect(summary.next?.id).toBe('momentum');
  });

  it('takes "to do" from the problem kind the grader gave, never from the words of a message', () => {
    const finding = (kind: string) =>
      exerciseFinding(
        parseGradeReport(
          report([
            {
              id: 'sgd',
              status: 'fail',
              score: 0,
              maxScore: 1,
              tests: [
                { name: 'steps', status: 'fail', kind, message: 'threw Error: not implemented yet (my own words)' },
              ],
            },
          ]),
        ),
        { id: 'sgd' },
        false,
      );
    expect(finding('not-implemented')).toMatchObject({ tone: 'todo', label: 'to do' });
    // The learner's own code threw those words: it is their code failing, not the stub.
    expect(finding('threw')).toMatchObject({ tone: 'warn', label: 'failing' });
  });

  it('shows the grader’s finding on the exercise page without the line that sends the learner to the site', () => {
    const message =
      'expected (1, 2), got (1, 3)\nDiagnosis: a missing (1 − μ)\nSee both trajectories on the site: npm run site, then the momentum page.';
    const parsed = parseGradeReport(
      report([
        { id: 'momentum', status: 'fail', score: 0, maxScore: 1, tests: [{ name: 'm', status: 'fail', message }] },
      ]),
    );
    expect(exerciseFinding(parsed, { id: 'momentum' }, false)?.message).toBe(
      'expected (1, 2), got (1, 3)\nDiagnosis: a missing (1 − μ)',
    );
  });

  it('has nothing next once everything passes', () => {
    const all = parseGradeReport(
      report(EXERCISES.map((e) => ({ id: e.id, status: 'pass', score: 1, maxScore: 1, tests: [] }))),
    );
    expect(summarizeGrades(all, EXERCISES).next).toBeNull();
  });
});

describe('course index rendered with a grade report', () => {
  const ROOT = fileURLToPath(new URL('..', import.meta.url));
  let sites: CourseSite[];
  beforeAll(async () => {
    // This course's index alone: another course's pages are no concern of these tests.
    sites = (await loadCourseSites(ROOT)).filter((site) => site.course.id === 'optimizers');
  });
  const index = (gradeReport: NonNullable<Parameters<typeof renderPages>[2]>['gradeReport']) =>
    renderPages(ROOT, sites, { gradeReport }).find((page) => page.file === 'optimizers/index.html')!.html;

  it('says how to get a status when the learner has not graded yet', () => {
    const html = index(null);
    expect(html).toContain('Not graded yet — run <code>npm run grade</code>');
    expect(html).not.toContain('grade-badge');
  });

  it('badges every exercise and names the next one from the report', () => {
    const html = index(parseGradeReport(report([{ id: 'sgd', status: 'pass', score: 1, maxScore: 1, tests: [] }])));
    expect(html).toContain('grade-badge grade-badge--ok');
    expect(html).toMatch(/Next: <a href="momentum\.html">/);
  });

  it('shows no grade block in a static build, which has no learner', () => {
    expect(index(undefined)).not.toContain('grade-progress');
  });
});
