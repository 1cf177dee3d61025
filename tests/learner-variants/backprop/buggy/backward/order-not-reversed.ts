// Buggy backward: seeds the output, then runs the local steps in topological order, inputs first.
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
  for (const v of topologicalOrder(output)) v.localBackward();
}
