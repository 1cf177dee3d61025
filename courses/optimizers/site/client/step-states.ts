// The inner state of a run around every step, kept flat: one Float64Array row per step (gradient, update, then
// each numeric field of the learner's optimizer) rather than thousands of small objects, so that recording a
// playground run costs little and a worker can send it in one piece. Read back one step at a time.
import { numericFields } from './optimizer-introspection.js';

/** What the learner's optimizer looked like around one step, found by introspection, never by formula. */
export interface StepState {
  /** ∇f at θ_t, as the optimizer saw it. */
  gradient: number[];
  /** θ_{t+1} − θ_t. */
  update: number[];
  /** The optimizer's own numeric fields after the step: numbers and numeric arrays. */
  fields: Record<string, number | number[]>;
}

export interface StepStates {
  /** The optimizer's numeric fields in row order; size null for a plain number, else the array's length. */
  fields: { name: string; size: number | null }[];
  /** Numbers per row: 2 for the gradient, 2 for the update, then the fields'. */
  stride: number;
  count: number;
  values: Float64Array;
}

export const NO_STATES: StepStates = { fields: [], stride: 4, count: 0, values: new Float64Array(0) };

/** The state of row `index`, or undefined past the recorded rows. */
export function stateAt(states: StepStates, index: number): StepState | undefined {
  if (index < 0 || index >= states.count) return undefined;
  const row = states.values.subarray(index * states.stride, (index + 1) * states.stride);
  const fields: StepState['fields'] = {};
  let at = 4;
  for (const { name, size } of states.fields) {
    fields[name] = size === null ? row[at]! : Array.from(row.subarray(at, at + size));
    at += size ?? 1;
  }
  return { gradient: [row[0]!, row[1]!], update: [row[2]!, row[3]!], fields };
}

/**
 * Records rows for up to `capacity` steps. The fields' layout is read once, after the first step (a learner may
 * create its state lazily in step()); a field that later changes shape is recorded as NaN from then on.
 */
export class StepStateRecorder {
  private layout: StepStates['fields'] | null = null;
  private stride = 4;
  private values = new Float64Array(0);
  private count = 0;

  constructor(private readonly capacity: number) {}

  record(gradient: ArrayLike<number>, update: readonly [number, number], optimizer: object): void {
    if (!this.layout) {
      const found = numericFields(optimizer);
      this.layout = Object.entries(found).map(([name, value]) => ({
        name,
        size: Array.isArray(value) ? value.length : null,
      }));
      this.stride = 4 + this.layout.reduce((sum, field) => sum + (field.size ?? 1), 0);
      this.values = new Float64Array(this.capacity * this.stride);
    }
    const row = this.count++ * this.stride;
    const { values } = this;
    // One by one: a destructuring assignment would build an array per step.
    values[row] = gradient[0] ?? NaN;
    values[row + 1] = gradient[1] ?? NaN;
    values[row + 2] = update[0];
    values[row + 3] = update[1];
    let at = row + 4;
    for (const { name, size } of this.layout) {
      const value: unknown = (optimizer as Record<string, unknown>)[name];
      if (size === null) values[at] = typeof value === 'number' ? value : NaN;
      else {
        const numbers = value as ArrayLike<unknown> | undefined;
        const same = numbers !== null && typeof numbers === 'object' && numbers.length === size;
        for (let k = 0; k < size; k++)
          values[at + k] = same && typeof numbers[k] === 'number' ? (numbers[k] as number) : NaN;
      }
      at += size ?? 1;
    }
  }

  finish(): StepStates {
    return {
      fields: this.layout ?? [],
      stride: this.stride,
      count: this.count,
      values: this.values.subarray(0, this.count * this.stride),
    };
  }
}
