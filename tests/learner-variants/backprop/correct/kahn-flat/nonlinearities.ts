// Correct engine: nonlinearities as closures, tanh's slope kept from the forward pass.
import { Value } from './value.js';

export function tanh(a: Value): Value {
  const e2 = Math.exp(2 * a.data);
  const t = Number.isFinite(e2) ? (e2 - 1) / (e2 + 1) : 1;
  const slope = 1 - t * t;
  const out = new Value(t, [a], 'tanh');
  out.localBackward = () => {
    a.grad += slope * out.grad;
  };
  return out;
}

export function relu(a: Value): Value {
  const out = new Value(a.data > 0 ? a.data : 0, [a], 'relu');
  out.localBackward = () => {
    if (a.data > 0) a.grad += out.grad;
  };
  return out;
}

export function exp(a: Value): Value {
  const out = new Value(Math.exp(a.data), [a], 'exp');
  out.localBackward = () => {
    a.grad += out.grad * out.data;
  };
  return out;
}

export function log(a: Value): Value {
  const out = new Value(Math.log(a.data), [a], 'log');
  out.localBackward = () => {
    a.grad += out.grad * a.data ** -1;
  };
  return out;
}
