// Correct engine: each nonlinearity through one helper that takes the forward function and the local slope.
import { Value } from './value.js';

function unary(a: Value, y: number, op: string, slope: (out: Value) => number): Value {
  const out = new Value(y, [a], op);
  out.localBackward = () => {
    a.grad += slope(out) * out.grad;
  };
  return out;
}

export const tanh = (a: Value): Value => unary(a, Math.tanh(a.data), 'tanh', (out) => 1 - out.data * out.data);
export const relu = (a: Value): Value => unary(a, Math.max(0, a.data), 'relu', (out) => (out.data > 0 ? 1 : 0));
export const exp = (a: Value): Value => unary(a, Math.exp(a.data), 'exp', (out) => out.data);
export const log = (a: Value): Value => unary(a, Math.log(a.data), 'log', () => 1 / a.data);
