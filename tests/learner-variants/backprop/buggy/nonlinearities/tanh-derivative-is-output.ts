// Buggy nonlinearities: tanh's local derivative is t itself, the output, instead of 1 − t².
// The functions that make a network more than a linear map: each computes its output and records its local
// backward step, like the operations of value.ts.
import { Value } from './value.js';

/** out = tanh(a) = t: ∂out/∂a = 1 − t², from the output, not from the input. */
export function tanh(a: Value): Value {
  const t = Math.tanh(a.data);
  const out = new Value(t, [a], 'tanh');
  out.localBackward = () => {
    a.grad += t * out.grad;
  };
  return out;
}

/** out = max(0, a): ∂out/∂a = 1 where out > 0, and 0 elsewhere (at a = 0 too). */
export function relu(a: Value): Value {
  const out = new Value(a.data > 0 ? a.data : 0, [a], 'relu');
  out.localBackward = () => {
    a.grad += (out.data > 0 ? 1 : 0) * out.grad;
  };
  return out;
}

/** out = eᵃ: ∂out/∂a = eᵃ, the output itself. */
export function exp(a: Value): Value {
  const out = new Value(Math.exp(a.data), [a], 'exp');
  out.localBackward = () => {
    a.grad += out.data * out.grad;
  };
  return out;
}

/** out = ln a: ∂out/∂a = 1 / a. */
export function log(a: Value): Value {
  const out = new Value(Math.log(a.data), [a], 'log');
  out.localBackward = () => {
    a.grad += out.grad / a.data;
  };
  return out;
}
