// The expected numbers, computed by PyTorch (fixtures/generate.py) and committed as JSON, the instructor's hidden
// cases (hidden/, never in a student kit) and what each typical mistake means (mistakes.toml).
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { parseWithNumbers } from '../sandbox/sandbox-protocol.js';
import type { ExpressionSpec } from './expression.js';

export type ExpressionExercise = 'value' | 'backward' | 'nonlinearities' | 'gradient-check';
export type Grads = Record<string, number>;

export interface ExpressionCase extends ExpressionSpec {
  name: string;
  expected: {
    data: number;
    values: Record<string, number>;
    grads: Grads;
    stepGrads: Record<string, number>;
    /** gradient-check: the central difference at the case's h (or the default), on plain floats. */
    estimates?: Grads;
  };
  /** What each typical mistake would leave in the leaves' grads, for the mistakes that change them here. */
  mistakes: Record<string, { grads: Grads; stepGrads?: Record<string, number> }>;
}

export interface History {
  loss: number;
  accuracy: number;
}

export interface Evaluation {
  scores: number[];
  loss: number;
  accuracy: number;
  grads: number[];
}

export interface MlpData {
  sizes: number[];
  parameters: number[];
  points: number[][];
  labels: number[];
}

export interface EvaluateCase extends MlpData {
  name: string;
  expected: Evaluation;
  mistakes: Record<string, Evaluation>;
}

/** A network with several outputs at fixed weights: every output at every point, from PyTorch. */
export interface OutputsCase {
  name: string;
  sizes: number[];
  parameters: number[];
  points: number[][];
  expected: number[][];
}

export interface TrainCase extends MlpData {
  name: string;
  nSteps: number;
  expected: Evaluation & { history: History[]; parameters: number[]; parameterCount: number };
  mistakes: Record<string, Partial<Evaluation & { history: History[]; parameters: number[]; parameterCount: number }>>;
}

interface Visible extends Record<ExpressionExercise, ExpressionCase[]> {
  moons: { count: number; noise: number; seed: number; points: number[][]; labels: number[] };
  demo: { sizes: number[]; parameters: number[]; nSteps: number; history: History[]; parameters_after?: number[] };
  mlp: {
    fresh: { sizes: number[]; parameterCount: number };
    evaluate: EvaluateCase;
    zeroScores: Omit<EvaluateCase, 'mistakes'>;
    outputs: OutputsCase;
    train: TrainCase;
  };
}

interface Hidden extends Record<ExpressionExercise, ExpressionCase[]> {
  mlp: { train: TrainCase[] };
}

const load = <T>(url: URL): T => parseWithNumbers(readFileSync(url, 'utf8')) as T;

export const fixtures = load<Visible>(new URL('fixtures/cases.json', import.meta.url));

const HIDDEN = new URL('hidden/cases.json', import.meta.url);
/** The instructor's hidden cases; absent from a student kit, where the suites define no hidden test. */
export const hidden: Hidden | undefined = existsSync(HIDDEN) ? load<Hidden>(HIDDEN) : undefined;

const notes = parse(readFileSync(new URL('mistakes.toml', import.meta.url), 'utf8')) as Record<
  string,
  Record<string, string>
>;

/** What a typical mistake of an exercise is, in words a learner can act on. */
export function mistakeNote(exercise: string, id: string): string {
  const note = notes[exercise]?.[id];
  if (!note) throw new Error(`grader/backprop/mistakes.toml has no note for ${exercise}.${id}`);
  return note;
}

/** Only what the driver needs: the expected numbers never travel to the sandbox. */
export function jobInput(c: ExpressionCase): ExpressionSpec {
  const { leaves, steps, outputGrad, startGrads, outputStartGrad, h, graph } = c;
  return { leaves, steps, outputGrad, startGrads, outputStartGrad, h, graph };
}
