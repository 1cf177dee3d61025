// Turns the outcome of a learner run into the short status line shown under a chart.
import { BANANA_MINIMUM } from '../../../../exercises/optimizers/banana.js';
import { RACE } from '../../manifest.js';
import { demoRun, type Point } from '../shared/demo-runs.js';
import { divergenceAdvice } from './divergence.js';
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

/** A run at the demo settings, compared point by point with the reference trajectory when there is one. */
export function describeDemoRun(
  outcome: LearnerOutcome,
  optimizer: Parameters<typeof demoRun>[0],
  reference: Point[] | undefined,
): RunDescription {
  if (outcome.status !== 'ran') return unfinished(outcome, ` in exercises/optimizers/${optimizer}.ts`);
  if (outcome.divergedAt !== null) return diverged(outcome.divergedAt);
  const ends = `ends at ${formatPoint(outcome.last)} after ${outcome.nSteps} steps`;
  if (!reference) return { tone: 'ok', badge: 'ran', detail: ends };
  let worst = 0;
  let worstStep = 0;
  outcome.trajectory.forEach(([x, y], step) => {
    const [rx, ry] = reference[step] ?? [Number.NaN, Number.NaN];
    const gap = Math.max(Math.abs(x - rx), Math.abs(y - ry));
    if (!(gap <= worst)) [worst, worstStep] = [gap, step];
  });
  if (worst <= MATCH_TOLERANCE) return { tone: 'ok', badge: 'matches the reference', detail: ends };
  return {
    tone: 'warn',
    badge: 'differs from the reference',
    detail: `by up to ${worst.toPrecision(3)} (at step ${worstStep}); ${ends}`,
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
