// Buggy backward: runs each local backward step while walking depth-first from the output, each value once, with no topological sort.
import type { Value } from './value.js';

export function topologicalOrder(output: Value): Value[] {
  const order: Value[] = [];
  const seen = new Set<Value>();
  const walk = (v: Value): void => {
    if (seen.has(v)) return;
    seen.add(v);
    v.children.forEach(walk);
    order.push(v);
  };
  walk(output);
  return order;
}

export function backward(output: Value): void {
  output.grad = 1;
  const seen = new Set<Value>();
  const walk = (v: Value): void => {
    if (seen.has(v)) return;
    seen.add(v);
    v.localBackward();
    v.children.forEach(walk);
  };
  walk(output);
}
