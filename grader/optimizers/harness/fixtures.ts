// The expected trajectories, computed by PyTorch (../fixtures/generate.py) and committed as JSON, and what each
// typical mistake means (../mistakes.toml).
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { parseWithNumbers } from '../../sandbox/sandbox-protocol.js';
import type { OptimizerId, Point } from '../../../courses/optimizers/manifest.js';
import type { ProbeScenario } from './probe-findings.js';

export type { OptimizerId, Point };

export interface FixtureCase {
  name: string;
  start: Point;
  options: Record<string, number>;
  nSteps: number;
  /** How many backward passes add into grad before each step(). */
  backwardsPerStep: number;
  /** One trajectory per accepted variant: "reference", or "epsOutside" (PyTorch) and "epsInside" (workshop). */
  expected: Record<string, Point[]>;
  /** The first steps of each typical mistake's trajectory on this case (see ../fixtures/mistakes.py). */
  mistakes: Record<string, Point[]>;
}

/** PyTorch's steps to converge over the grid the hyperparameter-search exercise tries (Infinity: never). */
export interface SearchFixture {
  learningRate: [number, number];
  momentum: [number, number];
  budget: number;
  learningRates: number[];
  momenta: number[];
  steps: number[][];
}

/** An optimizer on a parameter of more than two coordinates, fed given gradients (no loss): θ after every step. */
export interface LongerCase {
  name: string;
  start: number[];
  gradients: number[][];
  options: Record<string, number>;
  /** One list of points per accepted variant, as in FixtureCase. */
  expected: Record<string, number[][]>;
}

/** Settings a search tries, in order. */
export type Setting = { learningRate: number; momentum: number };
export type SearchSpace = { learningRate: [number, number]; momentum: [number, number] };

/** The search functions on made-up costs: the settings each should try, computed by the fixture generator. */
export interface SearchCases {
  space: SearchSpace;
  grid: Array<{ budget: number; trials: Setting[] }>;
  random: Array<{ budget: number; seed: number; trials: Setting[] }>;
}

const fixtures = parseWithNumbers(readFileSync(new URL('../fixtures/cases.json', import.meta.url), 'utf8')) as {
  cases: Record<OptimizerId, FixtureCase[]>;
  search: SearchFixture;
  searchCases: SearchCases;
  probes: Record<OptimizerId, ProbeScenario[]>;
  longer: Record<OptimizerId, LongerCase>;
};

export function longerCase(optimizer: OptimizerId): LongerCase {
  return fixtures.longer[optimizer];
}

/** The probe scenarios of an optimizer, with PyTorch's responses and each typical mistake's. */
export function probeScenarios(optimizer: OptimizerId): ProbeScenario[] {
  return fixtures.probes[optimizer] ?? [];
}

export function fixtureSearch(): SearchFixture {
  return fixtures.search;
}

export function searchCases(): SearchCases {
  return fixtures.searchCases;
}

/** What each typical mistake of an optimizer is, in words a learner can act on. */
export function mistakeNotes(optimizer: OptimizerId): Record<string, string> {
  return (notes[optimizer] ?? {}) as Record<string, string>;
}

const notes = parse(readFileSync(new URL('../mistakes.toml', import.meta.url), 'utf8')) as Record<string, unknown>;

export function fixtureCases(optimizer: OptimizerId): FixtureCase[] {
  return fixtures.cases[optimizer];
}

const HIDDEN = new URL('../hidden/cases.json', import.meta.url);
const hidden = existsSync(HIDDEN)
  ? (parseWithNumbers(readFileSync(HIDDEN, 'utf8')) as {
      cases: Record<OptimizerId, Array<Omit<FixtureCase, 'mistakes'>>>;
    })
  : undefined;

/** The instructor's hidden cases (../hidden/, never in a student kit); none where they are absent. */
export function hiddenCases(optimizer: OptimizerId): FixtureCase[] {
  return (hidden?.cases[optimizer] ?? []).map((c) => ({ ...c, mistakes: {} }));
}

/** Whose trajectory each accepted variant is, as a failure names it ("the trajectory leaves PyTorch's …"). */
export const VARIANT_NAMES: Record<string, string> = {
  reference: "PyTorch's",
  epsOutside: "PyTorch's",
  epsInside: "the workshop formula's",
};

/**
 * How a variant's expected numbers were computed, said apart from the failure and with the other form beside it: in
 * the failure's own sentence a student read the label (ε outside the root) as the cause.
 */
export const VARIANT_NOTES: Record<string, string> = {
  epsOutside: 'The expected numbers put ε outside the root, √r + ε; ε inside it, √(r + ε), passes too.',
  epsInside: 'The expected numbers put ε inside the root, √(r + ε); ε outside it, √r + ε, passes too.',
};
