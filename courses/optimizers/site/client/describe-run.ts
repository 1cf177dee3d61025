// Turns the outcome of a learner run into the short status line shown under a chart.
import { BANANA_MINIMUM } from '../../../../exercises/optimizers/banana.js';
import { optimizer as optimizerEntry, RACE } from '../../manifest.js';
import { demoRun, type Point } from '../shared/demo-runs.js';
import { divergenceAdvice, divergenceNote } from './divergence.js';
import type { LearnerOutcome } from './learner-protocol.js';
import { RUN_LIMIT_MS } from './run-learner.js';

export interface RunDescription {
  tone: 'todo' | 'ok' | 'warn' | 'error';
  badge: string;
  detail: string;
}

/** The grader's tolerance for matching a reference trajectory, and the challenge's distance to the minimum. */
const MATCH_TOLERANCE = 1e-3;
const CHALLENGE_RADIUS = RACE.goalRadius;

const formatPoint = ([x, y]: Point): string => `(${x.toFixed(3)}, ${y.toFixed(3)})`;

function unfinished(outcome: Exclude<LearnerOutcome, { status: 'ran' }>, where: string): RunDescription {
  switch (outcome.status) {
    case 'not-implemented':
      return {
        tone: 'todo',
        badge: 'not implemented yet',
        detail: `${outcome.message.replace(/^not implemented yet:\s*/, '')}${where}`,
      };
    case 'failed':
      return { tone: 'error', badge: 'error', detail: `your code threw: ${outcome.message}` };
    case 'timed-out':
      return {
        tone: 'error',
        badge: 'stopped',
        detail: `still running after ${RUN_LIMIT_MS / 1000} s — is there a loop that never ends?`,
      };
  }
}

function diverged(step: number): RunDescription {
  return { tone: 'warn', badge: 'diverged', detail: `${divergenceAdvice(step)} The chart shows the steps before.` };
}

/** The first step where the learner's run is more than the grader's tolerance from the reference, with both points. */
export function departure(
  trajectory: readonly Point[],
  reference: readonly Point[],
): { step: number; yours: Point; reference: Point } | null {
  const step = trajectory.findIndex(([x, y], k) => {
    const [rx, ry] = reference[k] ?? [Number.NaN, Number.NaN];
    return !(Math.max(Math.abs(x - rx), Math.abs(y - ry)) <= MATCH_TOLERANCE);
  });
  return step < 0 ? null : { step, yours: trajectory[step], reference: reference[step] };
}

/**
 * The page's own run, in symbols (α = 0.01, μ = 0.9): its numbers differ from the grader's, whose tests run other
 * settings, and a learner comparing the two needs to know why.
 */
function pageSettings(optimizer: Parameters<typeof demoRun>[0]): string {
  const options = demoRun(optimizer).options as unknown as Record<string, number>;
  const symbols = optimizerEntry(optimizer).hyperparameters.map((h) => `${h.symbol} = ${options[h.name]}`);
  return `this page runs ${symbols.join(', ')} from (${RACE.start.join(', ')}); the grader's tests use settings of their own`;
}

const leavesAt = (gap: NonNullable<ReturnType<typeof departure>>): string =>
  `leaves the reference at step ${gap.step}: yours ${formatPoint(gap.yours)}, the reference ${formatPoint(gap.reference)}`;

/**
 * An exercise run that diverged. The settings are the demo's, fixed on the page, so no advice about them: where the
 * run first leaves the reference says more about the code (and the grader's finding, when the page shows it, names it).
 */
function divergedFromReference(
  outcome: LearnerOutcome & { status: 'ran' },
  optimizer: Parameters<typeof demoRun>[0],
  reference: Point[] | undefined,
): RunDescription {
  const step = outcome.divergedAt ?? 0;
  const gap = reference ? departure(outcome.trajectory, reference) : null;
  const where = gap ? `; it ${leavesAt(gap)}` : '';
  return {
    tone: 'warn',
    badge: 'diverged',
    detail: `${divergenceNote(step).replace(/\.$/, '')}${where}. The settings are the reference's (${pageSettings(optimizer)}), so look at the update rule; the chart shows the steps before.`,
  };
}

/** A run at the demo settings, compared point by point with the reference trajectory when there is one. */
export function describeDemoRun(
  outcome: LearnerOutcome,
  optimizer: Parameters<typeof demoRun>[0],
  reference: Point[] | undefined,
): RunDescription {
  if (outcome.status !== 'ran') return unfinished(outcome, ` in exercises/optimizers/${optimizer}.ts`);
  if (outcome.divergedAt !== null) return divergedFromReference(outcome, optimizer, reference);
  const ends = `ends at ${formatPoint(outcome.last)} after ${outcome.nSteps} steps`;
  if (!reference) return { tone: 'ok', badge: 'ran', detail: ends };
  let worst = 0;
  let worstStep = 0;
  outcome.trajectory.forEach(([x, y], step) => {
    const [rx, ry] = reference[step] ?? [Number.NaN, Number.NaN];
    const gap = Math.max(Math.abs(x - rx), Math.abs(y - ry));
    if (!(gap <= worst)) [worst, worstStep] = [gap, step];
  });
  const gap = departure(outcome.trajectory, reference);
  if (!gap) return { tone: 'ok', badge: 'matches the reference', detail: ends };
  return {
    tone: 'warn',
    badge: 'differs from the reference',
    detail: `it ${leavesAt(gap)}; by up to ${worst.toPrecision(3)} (at step ${worstStep}); ${ends} (${pageSettings(optimizer)})`,
  };
}

export { diverged as describeDivergence };

export function describeChallengeRun(outcome: LearnerOutcome): RunDescription {
  if (outcome.status !== 'ran') return unfinished(outcome, '');
  if (outcome.divergedAt !== null) return diverged(outcome.divergedAt);
  const distance = Math.hypot(outcome.last[0] - BANANA_MINIMUM[0], outcome.last[1] - BANANA_MINIMUM[1]);
  const summary = `${demoRun(outcome.optimizer).name} for ${outcome.nSteps} steps ends at ${formatPoint(outcome.last)}, ${distance.toPrecision(3)} from (1, 1)`;
  if (distance <= CHALLENGE_RADIUS) return { tone: 'ok', badge: 'passes', detail: summary };
  return { tone: 'warn', badge: 'not there yet', detail: `${summary}; it must be under ${CHALLENGE_RADIUS}` };
}
