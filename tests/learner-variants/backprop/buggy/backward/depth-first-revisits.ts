// Buggy backward: walks depth-first from the output and runs a value's local step every time it is reached.
import type { Value } from './value.js';

export function topologicalOrder(output: Value): Value[] {
  const order: Value[] = [];
  const seen = new Set<Value>();
  const walk = (v: Value): void => {
    if (seen.has(v)) return;
    seen.add(v);
    for (const c of v.children) walk(c);
    order.push(v);
  };
  walk(output);
  return order;
}

export function backward(output: Value): void {
  output.grad = 1;
  const walk = (v: Value): void => {
    v.localBackward();
    for (const c of v.children) walk(c);
  };
  walk(output);
}
