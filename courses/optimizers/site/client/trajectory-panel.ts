// Brings each <figure data-chart> on a page to life: draws the precomputed reference trajectories at once,
// then runs the learner's code in workers and adds their lines, losses, status notes and inner state as runs finish.
import references from 'virtual:reference-trajectories';
import { CHALLENGE_COLOR, optimizer } from '../../manifest.js';
import { demoRun, isOptimizerId, type OptimizerId } from '../shared/demo-runs.js';
import { objectiveById } from '../shared/objectives.js';
import { viewFor } from '../shared/panel-view.js';
import { afterNextPaint } from './after-next-paint.js';
import { describeChallengeRun, describeDemoRun, type RunDescription } from './describe-run.js';
import { drawablePart, type DrawnRun } from './drawn-runs.js';
import type { LearnerOutcome, LearnerRequest } from './learner-protocol.js';
import { LossChart } from './loss-chart.js';
import { measured, measuredSince } from './measured.js';
import { runLearner } from './run-learner.js';
import { mountStepScrubber } from './step-scrubber.js';
import { NO_STATES } from './step-states.js';
import { showStep } from './step-view.js';
import { replaceStaticChart, TrajectoryChart } from './trajectory-chart.js';

interface LearnerJob {
  request: LearnerRequest;
  label: string;
  color: string;
  rank: number;
  describe(outcome: LearnerOutcome): RunDescription;
}

function jobsFor(kind: string, optimizers: OptimizerId[]): LearnerJob[] {
  if (kind === 'challenge') {
    return [
      {
        request: { kind: 'challenge' },
        label: 'Your challenge entry',
        color: CHALLENGE_COLOR,
        rank: 0,
        describe: describeChallengeRun,
      },
    ];
  }
  if (kind !== 'race' && kind !== 'exercise') return [];
  return optimizers.map((id, index) => ({
    request: { kind: 'demo', optimizer: id },
    label: `Your ${demoRun(id).name}`,
    color: optimizer(id).colors.learner,
    // Right after the matching reference line, so the legend pairs them.
    rank: 2 * index + 1,
    describe: (outcome) => describeDemoRun(outcome, id, references[id]),
  }));
}

function statusItem(list: HTMLElement, job: { label: string; color: string }): (description: RunDescription) => void {
  const item = document.createElement('li');
  item.className = 'run-status__item run-status__item--pending';
  item.style.setProperty('--swatch', job.color);
  const name = Object.assign(document.createElement('span'), { className: 'run-status__name', textContent: job.label });
  const badge = Object.assign(document.createElement('span'), {
    className: 'run-status__badge',
    textContent: 'running…',
  });
  const detail = Object.assign(document.createElement('span'), { className: 'run-status__detail', textContent: '' });
  item.append(name, badge, detail);
  list.append(item);
  return (description) => {
    item.className = `run-status__item run-status__item--${description.tone}`;
    badge.textContent = description.badge;
    detail.textContent = description.detail;
  };
}

async function mountPanel(figure: HTMLElement): Promise<void> {
  const canvas = figure.querySelector<HTMLCanvasElement>('.trajectory-panel__plot canvas');
  const list = figure.querySelector<HTMLElement>('.run-status');
  if (!canvas || !list) return;
  const kind = figure.dataset.chart ?? '';
  const optimizers = (figure.dataset.optimizers ?? '').split(',').filter(isOptimizerId);
  const objective = objectiveById('banana');

  const runs: DrawnRun[] = measured('reference runs', () =>
    optimizers.map((id, index) => ({
      label: `Reference ${demoRun(id).name}`,
      points: references[id],
      steps: references[id].map((_, step) => step),
      states: NO_STATES,
      color: optimizer(id).colors.reference,
      kind: 'reference' as const,
      rank: 2 * index,
    })),
  );
  const chart = new TrajectoryChart(canvas, runs, {
    objective: viewFor(
      objective,
      runs.map((run) => run.points),
    ),
  });
  // The live chart is drawn: it replaces the page's static picture of it in the same frame.
  replaceStaticChart(figure);
  // The learner's code starts in its workers at once; the loss chart, the scrubber and the runs' notes wait until
  // the trajectories, the panel's first chart, are on screen.
  const jobs = jobsFor(kind, optimizers).map((job) => {
    const started = performance.now();
    const outcome = runLearner(job.request).then((done) => {
      measuredSince('learner run (worker)', started);
      return done;
    });
    return { job, outcome };
  });
  const redraw = await afterNextPaint(() => {
    const lossCanvas = figure.querySelector<HTMLCanvasElement>('.trajectory-panel__loss canvas');
    const loss = lossCanvas ? measured('loss chart set-up', () => new LossChart(lossCanvas, objective)) : null;
    const inner = figure.querySelector<HTMLElement>('.inner-state');
    const scrubberHost = figure.querySelector<HTMLElement>('.step-scrubber');
    const scrubber = scrubberHost
      ? mountStepScrubber(scrubberHost, (step) => showStep(step, runs, chart, loss, inner))
      : null;
    const redrawViews = (): void => {
      runs.sort((a, b) => a.rank - b.rank);
      loss?.replace(
        runs.map((run) => ({
          label: run.label,
          points: run.points,
          steps: run.steps,
          color: run.color,
          dashed: run.kind === 'learner',
        })),
      );
      scrubber?.setLength(Math.max(0, ...runs.map((run) => (run.steps.at(-1) ?? -1) + 1)));
    };
    measured('reference runs drawn on the loss chart', redrawViews);
    return redrawViews;
  });

  await Promise.all(
    jobs.map(async ({ job, outcome: pending }) => {
      const show = statusItem(list, job);
      const outcome = await pending;
      if (outcome.status !== 'ran') return show(job.describe(outcome));
      const part = drawablePart(outcome, objective);
      show(job.describe({ ...outcome, divergedAt: part.divergedAt }));
      if (part.points.length === 0) return;
      const run: DrawnRun = {
        label: job.label,
        color: job.color,
        points: part.points,
        steps: part.steps,
        states: part.states,
        kind: 'learner',
        rank: job.rank,
      };
      measured('learner run drawn', () => {
        runs.push(run);
        chart.add({ label: run.label, points: run.points, color: run.color, kind: 'learner', rank: run.rank });
        redraw();
      });
    }),
  );
  figure.dataset.state = 'ready';
}

export async function mountTrajectoryPanels(root: ParentNode): Promise<void> {
  await Promise.all([...root.querySelectorAll<HTMLElement>('figure[data-chart]')].map(mountPanel));
}
