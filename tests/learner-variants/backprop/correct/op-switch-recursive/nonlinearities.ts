// Correct engine: each nonlinearity only records its operation; Value.localBackward knows its derivative.
import { Value } from './value.js';

export const tanh = (a: Value): Value => new Value(Math.tanh(a.data), [a], 'tanh');
export const relu = (a: Value): Value => new Value(a.data < 0 ? 0 : a.data, [a], 'relu');
export const exp = (a: Value): Value => new Value(Math.exp(a.data), [a], 'exp');
export const log = (a: Value): Value => new Value(Math.log(a.data), [a], 'log');
