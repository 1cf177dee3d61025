// The computation graphs the course's pages draw: which of the grader's expression cases (PyTorch checked their
// numbers), on which page, and whose backward pass runs over the learner's values.
import type { ExpressionExercise } from '../../../../grader/backprop/fixtures.js';
import type { ExpressionSpec } from '../../../../grader/backprop/expression.js';
import type { GraphSnapshot } from './graph-snapshot.js';

/**
 * 'walk': the grader's replay of the case's steps calls each value's localBackward, output first (as the grader
 * does for the value and nonlinearities exercises), so only the operations are the learner's. 'learner': the learner's backward() runs.
 */
export type BackwardMode = 'walk' | 'learner';

export interface GraphDefinition {
  id: string;
  /** The expression: a case of grader/backprop/fixtures/cases.json, by exercise and name. */
  fixture: { exercise: ExpressionExercise; name: string };
  backward: BackwardMode;
  /** Where it is drawn: an exercise's id, or 'index'. */
  page: string;
}

export const GRAPHS: readonly GraphDefinition[] = [
  {
    id: 'shared-intermediate',
    fixture: { exercise: 'value', name: 'a shared intermediate value: e = (a·b + b) · a·b, then (e − a)² / b' },
    backward: 'walk',
    page: 'value',
  },
  {
    id: 'two-users',
    fixture: { exercise: 'backward', name: 'a value with two users: c = a · b feeds both d = c + a and e = c · d' },
    backward: 'learner',
    page: 'backward',
  },
  {
    id: 'neuron',
    fixture: { exercise: 'nonlinearities', name: 'a neuron: tanh(w · x + b)' },
    backward: 'walk',
    page: 'nonlinearities',
  },
  {
    id: 'neuron-whole-engine',
    fixture: { exercise: 'nonlinearities', name: 'a neuron: tanh(w · x + b)' },
    backward: 'learner',
    page: 'index',
  },
];

/** What the browser gets for one graph (the `backprop-graphs` data module): the expression and the reference's graph. */
export interface GraphData {
  backward: BackwardMode;
  spec: Pick<ExpressionSpec, 'leaves' | 'steps'>;
  reference: GraphSnapshot;
}

export type GraphsData = Record<string, GraphData>;
