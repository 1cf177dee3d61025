// Ready-made playground settings: the workshop's demo runs and a few that show one idea each.
import { OPTIMIZERS } from '../../manifest.js';
import {
  DEMO_RUNS,
  DEMO_STEPS,
  RACE_START,
  type OptimizerId,
  type OptionsByOptimizer,
  type Point,
} from './demo-runs.js';
import type { ObjectiveId } from './objectives.js';

/** A function the learner types: the formula in x and y, and the region it is plotted over. */
export interface FormulaSetting {
  text: string;
  x: [number, number];
  y: [number, number];
}

/** The formula offered first: the banana, so the learner can compare with the built-in one. */
export const DEFAULT_FORMULA: FormulaSetting = { text: '(1 - x)^2 + 100 (y - x^2)^2', x: [-2, 2], y: [-1, 3] };

export interface PlaygroundSettings {
  /** A built-in function, or 'formula' for `formula`. */
  objective: ObjectiveId | 'formula';
  /** Kept whichever function is chosen, so switching back and forth loses nothing. */
  formula?: FormulaSetting;
  start: Point;
  nSteps: number;
  options: OptionsByOptimizer;
  /** Optimizers whose runs are drawn. */
  shown: OptimizerId[];
}

const demoOptions = Object.fromEntries(
  DEMO_RUNS.map((run) => [run.id, { ...run.options }]),
) as unknown as OptionsByOptimizer;
const ALL: OptimizerId[] = OPTIMIZERS.map((entry) => entry.id);

export interface Preset {
  id: string;
  label: string;
  settings: PlaygroundSettings;
}

export const PRESETS: readonly Preset[] = [
  {
    id: 'workshop',
    label: 'Workshop demo (banana, 100 steps)',
    settings: { objective: 'banana', start: RACE_START, nSteps: DEMO_STEPS, options: demoOptions, shown: ALL },
  },
  {
    id: 'bowl',
    label: 'Narrow bowl: momentum damps the zig-zag',
    settings: {
      objective: 'bowl',
      start: [-2.5, 1.5],
      nSteps: 60,
      options: { ...demoOptions, sgd: { learningRate: 0.075 }, momentum: { learningRate: 0.075, momentum: 0.9 } },
      shown: ['sgd', 'momentum'],
    },
  },
  {
    id: 'himmelblau',
    label: 'Himmelblau: four minima, which one?',
    settings: {
      objective: 'himmelblau',
      start: [0, 0],
      nSteps: 150,
      options: {
        sgd: { learningRate: 0.01 },
        momentum: { learningRate: 0.01, momentum: 0.9 },
        rmsprop: { learningRate: 0.05, momentum: 0.9, epsilon: 1e-8 },
        adam: { learningRate: 0.2, momentumGrad: 0.9, momentumGradSquared: 0.999, epsilon: 1e-8 },
      },
      shown: ALL,
    },
  },
  {
    id: 'saddle',
    label: 'Saddle: who escapes?',
    settings: {
      objective: 'saddle',
      start: [-1.5, 0.01],
      nSteps: 80,
      options: {
        sgd: { learningRate: 0.05 },
        momentum: { learningRate: 0.05, momentum: 0.9 },
        rmsprop: { learningRate: 0.02, momentum: 0.9, epsilon: 1e-8 },
        adam: { learningRate: 0.05, momentumGrad: 0.9, momentumGradSquared: 0.999, epsilon: 1e-8 },
      },
      shown: ALL,
    },
  },
];

export const DEFAULT_SETTINGS = PRESETS[0].settings;
