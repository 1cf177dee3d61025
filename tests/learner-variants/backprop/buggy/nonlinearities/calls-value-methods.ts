// Buggy nonlinearities: each function calls a method of the same name on its input, as micrograd's Value has them.
// The exercise hands these functions the grader's own values (it is graded apart from value.ts), which have no
// methods: the first failure must say so, not "a.tanh is not a function".
import type { Value } from './value.js';

type WithMethods = Value & { tanh(): Value; relu(): Value; exp(): Value; log(): Value };

export const tanh = (a: Value): Value => (a as WithMethods).tanh();
export const relu = (a: Value): Value => (a as WithMethods).relu();
export const exp = (a: Value): Value => (a as WithMethods).exp();
export const log = (a: Value): Value => (a as WithMethods).log();
