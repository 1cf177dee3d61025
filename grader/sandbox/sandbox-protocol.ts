// What the grader asks of a sandboxed learner process, and what it answers: plain data both ways.
import type { Point } from '../harness/fixtures.js';

export interface RunSpec {
  start: Point;
  options: Record<string, number>;
  nSteps: number;
  backwardsPerStep: number;
}

export type Job =
  /** Run one optimizer; record every point. With `ifChosen`, only when an earlier entry names that optimizer. */
  | {
      kind: 'trajectory';
      module: string;
      exportName: string;
      run: RunSpec;
      ifChosen?: { entryJob: number; optimizer: string };
    }
  /** Several optimizers stepping in turn, one step each per round. */
  | { kind: 'interleaved'; module: string; exportName: string; runs: RunSpec[]; rounds: number }
  /** One step, one more backward pass, then zeroGrad(): what is left in grad. */
  | { kind: 'grad-after-zero'; module: string; exportName: string; run: RunSpec }
  /** Call an exported function; its result, as JSON, and how often the functions passed to it were called. */
  | { kind: 'call'; module: string; exportName: string; args?: Argument[] }
  /**
   * Run the entry returned by an earlier `call` job ({ optimizer, options, nSteps }) with the optimizer it
   * names, so that a challenge needs one sandbox run, not two.
   */
  | {
      kind: 'entry-run';
      entryJob: number;
      optimizers: Record<string, { module: string; exportName: string }>;
      start: Point;
      maxSteps: number;
    };

/**
 * An argument of a `call`: plain JSON, or a recipe for a function the sandbox builds (functions cannot travel):
 * a seeded random generator, a made-up bowl-shaped cost, or an export of one of the request's modules.
 */
export type Argument =
  | { $function: 'random'; seed: number }
  | { $function: 'bowl'; bestLearningRate: number; bestMomentum: number }
  | { $function: 'export'; module: string; exportName: string }
  | string
  | number
  | boolean
  | null
  | Argument[]
  | { [key: string]: Argument };

export interface LearnerFailure {
  /** What threw: "the constructor", "step() (update 3)", "loading sgd.ts", … */
  during: string;
  message: string;
  /** file:line in the learner's code, when the stack names it. */
  where?: string;
}

export type JobResult =
  | { kind: 'skipped'; failure?: undefined }
  | { kind: 'trajectory'; trajectory: Point[]; failure?: LearnerFailure }
  | { kind: 'trajectories'; trajectories: Point[][]; failure?: LearnerFailure }
  | { kind: 'grad'; grad: number[] | null; failure?: LearnerFailure }
  | { kind: 'value'; value: unknown; calls?: number[]; failure?: LearnerFailure };

export interface SandboxRequest {
  /** Module name → bundled JavaScript source (in the child: → file name in `folder`). */
  modules: Record<string, string>;
  jobs: Job[];
  /** Set for the child: the folder holding the modules. */
  folder?: string;
}

/** JSON cannot carry NaN or ±Infinity (a diverging learner produces them): they travel as strings. */
export const encodeNumbers = (_key: string, value: unknown): unknown =>
  typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
export const decodeNumbers = (_key: string, value: unknown): unknown =>
  value === 'NaN' ? NaN : value === 'Infinity' ? Infinity : value === '-Infinity' ? -Infinity : value;
