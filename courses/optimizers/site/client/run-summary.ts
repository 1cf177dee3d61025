// Per-run numbers for the playground's summary: the first step within 1e-2 of a minimum and the best distance
// reached up to the scrubbed step.
import { RACE } from '../../manifest.js';
import type { Point } from '../shared/demo-runs.js';
import { distanceToMinimum, type SiteObjective } from '../shared/objectives.js';

export const ARRIVAL_RADIUS = RACE.goalRadius;

export interface RunProgress {
  /** Step number of the first point within ARRIVAL_RADIUS of a minimum, or null. */
  arrivedAt: number | null;
  /** Best distance to a minimum among the points up to and including index `upTo`; null without a minimum. */
  bestSoFar: number | null;
}

export function runProgress(
  objective: SiteObjective,
  points: readonly Point[],
  steps: readonly number[],
  upTo: number,
): RunProgress {
  let arrivedAt: number | null = null;
  let bestSoFar: number | null = null;
  points.forEach((point, index) => {
    const distance = distanceToMinimum(objective, point);
    if (distance === null) return;
    if (arrivedAt === null && distance <= ARRIVAL_RADIUS) arrivedAt = steps[index];
    if (index <= upTo && (bestSoFar === null || distance < bestSoFar)) bestSoFar = distance;
  });
  return { arrivedAt, bestSoFar };
}
