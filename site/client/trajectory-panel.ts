// Brings each <figure data-chart> on a page to life: draws the precomputed reference trajectories at once,
// then runs the learner's code in workers and adds their lines and status notes as the runs finish.
import references from 'virtual:reference-trajectories';
import { demoRun, isOptimizerId, type OptimizerId, type Point } from '../shared/demo-runs.js';
import { describeChallengeRun, describeDemoRun, type RunDescription } from './describe-run.js';
import type { LearnerOutcome, LearnerRequest } from './learner-protocol.js';
import { CHALLENGE_COLOR, OPTIMIZER_COLORS } from './optimizer-colors.js';
import { runLearner } from './run-learner.js';
import { TrajectoryChart } from './trajectory-chart.js';

interface LearnerJob {
  request: LearnerRequest;
  label: string;
  color: string;
  rank: number;
  describe(outcome: LearnerOutcome): RunDescription;
}

function jobsFor(kind: string, optimizers: OptimizerId[]): LearnerJob[] {
  if (kind === 'challenge') {
    return [{ request: { kind: 'challenge' }, label: 'Your challenge entry', color: CHALLENGE_COLOR, rank: 0, describe: describeChallengeRun }];
  }
  if (kind !== 'race' && kind !== 'exercise') return [];
  return optimizers.map((id, index) => ({
    request: { kind: 'demo', optimizer: id },
    label: `Your ${demoRun(id).name}`,
    color: OPTIMIZER_COLORS[id].learner,
    // Right after the matching reference line, so the legend pairs them.
    rank: 2 * index + 1,
    describe: (outcome) => describeDemoRun(outcome, id, references[id]),
  }));
}

function statusItem(list: HTMLElement, job: LearnerJob): (description: RunDescription) => void {
  const item = document.createElement('li');
  item.className = 'run-status__item run-status__item--pending';
  item.style.setProperty('--swatch', job.color);
  const name = Object.assign(document.createElement('span'), { className: 'run-status__name', textContent: job.label });
  const badge = Object.assign(document.createElement('span'), { className: 'run-status__badge', textContent: 'running…' });
  const detail = Object.assign(document.createElement('span'), { className: 'run-status__detail', textContent: '' });
  item.append(name, badge, detail);
  list.append(item);
  return (description) => {
    item.className = `run-status__item run-status__item--${description.tone}`;
    badge.textContent = description.badge;
    detail.textContent = description.detail;
  };
}

/** The finite beginning of a trajectory: a diverged run is drawn up to where it blew up. */
function finitePrefix(points: Point[]): Point[] {
  const end = points.findIndex(([x, y]) => !Number.isFinite(x) || !Number.isFinite(y));
  return end < 0 ? points : points.slice(0, end);
}

async function mountPanel(figure: HTMLElement): Promise<void> {
  const canvas = figure.querySelector('canvas');
  const list = figure.querySelector<HTMLElement>('.run-status');
  if (!canvas || !list) return;
  const kind = figure.dataset.chart ?? '';
  const optimizers = (figure.dataset.optimizers ?? '').split(',').filter(isOptimizerId);

  const chart = new TrajectoryChart(
    canvas,
    optimizers.map((id, index) => ({
      label: `Reference ${demoRun(id).name}`,
      points: references[id],
      color: OPTIMIZER_COLORS[id].reference,
      kind: 'reference' as const,
      rank: 2 * index,
    })),
  );

  await Promise.all(
    jobsFor(kind, optimizers).map(async (job) => {
      const show = statusItem(list, job);
      const outcome = await runLearner(job.request);
      show(job.describe(outcome));
      if (outcome.status === 'ran') {
        const points = finitePrefix(outcome.trajectory);
        if (points.length > 0) chart.add({ label: job.label, points, color: job.color, kind: 'learner', rank: job.rank });
      }
    }),
  );
  figure.dataset.state = 'ready';
}

export async function mountTrajectoryPanels(root: ParentNode): Promise<void> {
  await Promise.all([...root.querySelectorAll<HTMLElement>('figure[data-chart]')].map(mountPanel));
}
