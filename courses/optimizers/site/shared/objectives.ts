// The 2-D test functions the charts and the playground draw on, with analytic gradients, plotted regions,
// default starts and known minima. Objective functions are course material, not solution code.
import { rosenbrocksBanana, rosenbrocksBananaGradient } from '../../../../exercises/optimizers/banana.js';
import { RACE } from '../../manifest.js';
import type { Point } from './demo-runs.js';

export type ObjectiveId = 'banana' | 'himmelblau' | 'beale' | 'bowl' | 'saddle';

export interface SiteObjective {
  /** One of the built-in functions, or 'formula' for one the learner typed in the playground. */
  id: ObjectiveId | 'formula';
  name: string;
  formula: string;
  value(x: number, y: number): number;
  gradient(x: number, y: number): [number, number];
  x: readonly [number, number];
  y: readonly [number, number];
  start: Point;
  /** Every global minimum; empty where there is none (the saddle). */
  minima: Point[];
  /** f at the minima, so the loss chart can plot f − f* on a log scale; null where f has no minimum. */
  minValue: number | null;
}

function himmelblau(x: number, y: number): number {
  return (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2;
}

function beale(x: number, y: number): number {
  return (1.5 - x + x * y) ** 2 + (2.25 - x + x * y * y) ** 2 + (2.625 - x + x * y ** 3) ** 2;
}

/** How much steeper the bowl is across (y) than along (x): the condition number of its Hessian. */
const BOWL_RATIO = 25;

export const OBJECTIVES: readonly SiteObjective[] = [
  {
    id: 'banana',
    name: "Rosenbrock's banana",
    formula: 'f(x, y) = (1 − x)² + 100·(y − x²)² + 1',
    value: (x, y) => rosenbrocksBanana(x, y),
    gradient: (x, y) => rosenbrocksBananaGradient(x, y),
    x: [-2, 2],
    y: [-1, 3],
    start: [RACE.start[0], RACE.start[1]],
    minima: [[RACE.goal[0], RACE.goal[1]]],
    minValue: 1,
  },
  {
    id: 'himmelblau',
    name: "Himmelblau's function",
    formula: 'f(x, y) = (x² + y − 11)² + (x + y² − 7)²',
    value: himmelblau,
    gradient: (x, y) => {
      const [a, b] = [x * x + y - 11, x + y * y - 7];
      return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
    },
    x: [-5, 5],
    y: [-5, 5],
    start: [0, 0],
    minima: [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ],
    minValue: 0,
  },
  {
    id: 'beale',
    name: "Beale's function",
    formula: 'f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
    value: beale,
    gradient: (x, y) => {
      const a = 1.5 - x + x * y;
      const b = 2.25 - x + x * y * y;
      const c = 2.625 - x + x * y ** 3;
      return [
        2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y ** 3 - 1),
        2 * a * x + 4 * b * x * y + 6 * c * x * y * y,
      ];
    },
    x: [-4.5, 4.5],
    y: [-4.5, 4.5],
    start: [1, 1.5],
    minima: [[3, 0.5]],
    minValue: 0,
  },
  {
    id: 'bowl',
    name: 'Narrow quadratic bowl',
    formula: `f(x, y) = (x² + ${BOWL_RATIO}·y²) / 2`,
    value: (x, y) => (x * x + BOWL_RATIO * y * y) / 2,
    gradient: (x, y) => [x, BOWL_RATIO * y],
    x: [-3, 3],
    y: [-3, 3],
    start: [-2.5, 1.5],
    minima: [[0, 0]],
    minValue: 0,
  },
  {
    id: 'saddle',
    name: 'Saddle',
    formula: 'f(x, y) = x² − y²',
    value: (x, y) => x * x - y * y,
    gradient: (x, y) => [2 * x, -2 * y],
    x: [-2, 2],
    y: [-2, 2],
    start: [-1.5, 0.01],
    minima: [],
    minValue: null,
  },
];

export function isObjectiveId(value: string): value is ObjectiveId {
  return OBJECTIVES.some((objective) => objective.id === value);
}

export function objectiveById(id: ObjectiveId): SiteObjective {
  return OBJECTIVES.find((objective) => objective.id === id)!;
}

/** Distance to the nearest minimum, or null where the function has none. */
export function distanceToMinimum(objective: SiteObjective, [x, y]: Point): number | null {
  if (objective.minima.length === 0) return null;
  return Math.min(...objective.minima.map(([mx, my]) => Math.hypot(x - mx, y - my)));
}
