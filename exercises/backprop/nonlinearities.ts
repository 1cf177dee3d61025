// The functions that make a network more than a linear map: each computes its output and records its local
// backward step, like the operations of value.ts.
import { Value } from './value.js';

/** out = tanh(a) = t: ∂out/∂a = 1 − t², from the output, not from the input. */
export function tanh(a: Value): Value {
  const t = Math.tanh(a.data);
  const out = new Value(t, [a], 'tanh');
  // TODO: ~11 words
  throw new Error('not implemented yet: write tanh()');
}

/** out = max(0, a): ∂out/∂a = 1 where out > 0, and 0 elsewhere (at a = 0 too). */
export function relu(a: Value): Value {
  const out = new Value(a.data > 0 ? a.data : 0, [a], 'relu');
  // TODO: ~13 words
  throw new Error('not implemented yet: write relu()');
}

/** out = eᵃ: ∂out/∂a = eᵃ, the output itself. */
export function exp(a: Value): Value {
  const out = new Value(Math.exp(a.data), [a], 'exp');
  // TODO: ~10 words
  throw new Error('not implemented yet: write exp()');
}

/** out = ln a: ∂out/∂a = 1 / a. */
export function log(a: Value): Value {
  const out = new Value(Math.log(a.data), [a], 'log');
  // TODO: ~10 words
  throw new Error('not implemented yet: write log()');
}
