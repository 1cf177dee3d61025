// Buggy nonlinearities: exp's local backward step assigns (=) instead of adding (+=); the other three add.
import { Value } from './value.js';

export function tanh(a: Value): Value {
  const t = Math.tanh(a.data);
  const out = new Value(t, [a], 'tanh');
  out.localBackward = () => {
    a.grad += (1 - t ** 2) * out.grad;
  };
  return out;
}

export function relu(a: Value): Value {
  const out = new Value(a.data > 0 ? a.data : 0, [a], 'relu');
  out.localBackward = () => {
    a.grad += (out.data > 0 ? 1 : 0) * out.grad;
  };
  return out;
}

export function exp(a: Value): Value {
  const out = new Value(Math.exp(a.data), [a], 'exp');
  out.localBackward = () => {
    a.grad = out.data * out.grad;
  };
  return out;
}

export function log(a: Value): Value {
  const out = new Value(Math.log(a.data), [a], 'log');
  out.localBackward = () => {
    a.grad += out.grad / a.data;
  };
  return out;
}
