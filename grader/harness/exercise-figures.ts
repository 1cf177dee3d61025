// Figures a suite reports for a passing test (how well, not just whether): e.g. how many steps an entry took.
// The suite sets them on its test's vitest task meta (vitest's documented channel from a test to reporters);
// the ResultCollector reads them back, the report carries them, the scorecard shows them and `.grade/` keeps the
// learner's best. The core never knows what a figure means: the suite words it and says which way is better.

// Loads vitest's types before the augmentation below: without it, whether TaskMeta gains `figures` depended on the
// order tsc happened to read the program's files in.
import type {} from 'vitest';

/** One measured figure of a passing test. */
export interface Figure {
  /** A stable key within the exercise, e.g. "steps": records compare figures of the same name. */
  name: string;
  value: number;
  /** The figure in words, as the scorecard prints it, e.g. "412 steps". */
  text: string;
  /** On the one figure whose best the kit keeps: which way is better. */
  better?: 'lower' | 'higher';
}

declare module 'vitest' {
  interface TaskMeta {
    /** Set by a suite through reportFigures(); read by the ResultCollector. */
    figures?: Figure[];
  }
}

/** A test's own meta, as a test function receives it (`test(name, ({ task }) => …)`). */
interface TaskWithMeta {
  meta: { figures?: Figure[] };
}

/** A suite's test reports its figures: call it once the test's checks have passed. */
export function reportFigures(task: TaskWithMeta, figures: Figure[]): void {
  task.meta.figures = figures.map((f) => ({ ...f }));
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null;

/** One figure read back from JSON or task meta, or undefined when it does not fit. */
export function parseFigure(value: unknown): Figure | undefined {
  if (!isRecord(value)) return undefined;
  const { name, text, better } = value;
  const number = value.value;
  if (typeof name !== 'string' || typeof text !== 'string' || typeof number !== 'number' || !Number.isFinite(number))
    return undefined;
  if (better !== undefined && better !== 'lower' && better !== 'higher') return undefined;
  return { name, value: number, text, ...(better ? { better } : {}) };
}

/** The figures in a task's meta (or a stored report), or undefined where there are none that fit. */
export function parseFigures(value: unknown): Figure[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const figures = value.map(parseFigure);
  return figures.length > 0 && figures.every((f) => f !== undefined) ? (figures as Figure[]) : undefined;
}
