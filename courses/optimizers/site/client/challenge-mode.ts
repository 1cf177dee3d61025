// The playground's challenge mode: for each optimizer shown, with the settings chosen there, how many steps from
// the challenge's start on Rosenbrock's banana until it is within the goal radius of (1, 1), and the entry for
// exercises/optimizers/challenge.ts that stops right there (the grader checks the point after nSteps steps).
import { OPTIMIZERS, optimizer, RACE } from '../../manifest.js';
import type { OptimizerId, OptionsByOptimizer, Point } from '../shared/demo-runs.js';
import type { CustomRun, LearnerOutcome } from './learner-protocol.js';
import type { PageRunner } from './run-on-page.js';

/** Runs are kept whole up to this many points (run-plan's limit), so the first step inside is exact. */
export const CHALLENGE_BUDGET = RACE.playgroundSteps.max;

export interface ChallengeCount {
  optimizer: OptimizerId;
  /** Steps until the point is within the goal radius, or null when not within the budget. */
  steps: number | null;
  /** That point's distance from the goal (or the closest the run came). */
  distance: number | null;
  /** Why there is no count: the learner's code did not run. */
  problem?: string;
}

const distanceToGoal = ([x, y]: Point): number => Math.hypot(x - RACE.goal[0], y - RACE.goal[1]);

/**
 * The nSteps of an entry that stops at the first point within the goal radius. A run of nSteps records nSteps
 * points, the start first (the grader's trajectories and the playground's alike), so the point at step k is the
 * last of an entry of k + 1 steps.
 */
export function countSteps(id: OptimizerId, outcome: LearnerOutcome): ChallengeCount {
  if (outcome.status !== 'ran')
    return {
      optimizer: id,
      steps: null,
      distance: null,
      problem: outcome.status === 'timed-out' ? 'still running: is there a loop that never ends?' : outcome.message,
    };
  const distances = outcome.trajectory.map(distanceToGoal);
  const inside = distances.findIndex((d) => d <= RACE.goalRadius);
  if (inside >= 0) return { optimizer: id, steps: outcome.steps[inside]! + 1, distance: distances[inside]! };
  const finite = distances.filter(Number.isFinite);
  return { optimizer: id, steps: null, distance: finite.length > 0 ? Math.min(...finite) : null };
}

/** The exact TypeScript of exercises/optimizers/challenge.ts's function for this entry. */
export function challengeEntryCode<K extends OptimizerId>(
  id: K,
  options: OptionsByOptimizer[K],
  nSteps: number,
): string {
  const names = optimizer(id).hyperparameters.map((h) => h.name);
  const values = options as unknown as Record<string, number>;
  const fields = names.map((name) => `${name}: ${String(values[name])}`).join(', ');
  return [
    'export function challengeEntry(): ChallengeEntry {',
    '  return {',
    `    optimizer: '${id}',`,
    `    options: { ${fields} },`,
    `    nSteps: ${nSteps},`,
    '  };',
    '}',
  ].join('\n');
}

const element = <K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
): HTMLElementTagNameMap[K] => Object.assign(document.createElement(tag), props);

export interface ChallengeState {
  options: OptionsByOptimizer;
  shown: OptimizerId[];
}

/** Adds the challenge mode's panel to `parent`; `state` and `runner` are read when the learner counts. */
export function mountChallengeMode(
  parent: HTMLElement,
  state: () => ChallengeState,
  runner: () => PageRunner | null,
): void {
  const panel = element('fieldset', { className: 'playground__group challenge-mode' });
  const button = element('button', { type: 'button', className: 'challenge-mode__count', textContent: 'Count steps' });
  const table = element('table', { className: 'challenge-mode__counts' });
  const entry = element('pre', { className: 'challenge-mode__entry' });
  const copy = element('button', { type: 'button', className: 'challenge-mode__copy', textContent: 'Copy entry' });
  entry.hidden = copy.hidden = true; // no empty code block before the first count
  panel.append(
    element('legend', { textContent: 'Challenge mode' }),
    element('p', {
      className: 'playground__tip',
      textContent:
        `Counts the steps each optimizer shown takes, with the settings above, from (${RACE.start.join(', ')}) on ` +
        `Rosenbrock's banana to within ${RACE.goalRadius} of (1, 1) (up to ${CHALLENGE_BUDGET} steps here), ` +
        'and writes the entry for exercises/optimizers/challenge.ts.',
    }),
    button,
    table,
    entry,
    copy,
  );
  parent.append(panel);
  copy.addEventListener('click', () => void navigator.clipboard?.writeText(entry.textContent ?? ''));
  button.addEventListener('click', () => {
    const run = runner();
    if (!run) return;
    const { options, shown } = state();
    const ids = shown.length > 0 ? shown : OPTIMIZERS.map((o) => o.id);
    const requests = ids.map(
      (id) =>
        ({
          kind: 'custom',
          optimizer: id,
          options: { ...options[id] },
          objective: 'banana',
          start: [...RACE.start],
          nSteps: CHALLENGE_BUDGET,
        }) as CustomRun,
    );
    const counts = run(requests).map((outcome, k) => countSteps(ids[k]!, outcome));
    table.replaceChildren(
      ...counts.map((c) => {
        const tr = element('tr', { className: 'challenge-mode__row' });
        tr.dataset.optimizer = c.optimizer;
        tr.append(
          element('th', { scope: 'row', textContent: optimizer(c.optimizer).name }),
          element('td', {
            textContent:
              c.problem ??
              (c.steps !== null ? `${c.steps} steps` : `not within ${RACE.goalRadius} in ${CHALLENGE_BUDGET} steps`),
          }),
          element('td', { textContent: c.distance === null ? '—' : `${c.distance.toPrecision(2)} from (1, 1)` }),
        );
        return tr;
      }),
    );
    const best = counts
      .filter((c): c is ChallengeCount & { steps: number } => c.steps !== null)
      .sort((a, b) => a.steps - b.steps)[0];
    entry.textContent = best ? challengeEntryCode(best.optimizer, options[best.optimizer], best.steps) : '';
    entry.hidden = copy.hidden = !best;
    panel.dataset.state = 'counted';
  });
}
