// Buggy backward: the output's grad gets 1 added (+= 1) instead of being set to 1.
import type { Value } from './value.js';

export function topologicalOrder(output: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>();
  const visit = (v: Value): void => {
    if (visited.has(v)) return;
    visited.add(v);
    for (const c of v.children) visit(c);
    order.push(v);
  };
  visit(output);
  return order;
}

export function backward(output: Value): void {
  const order = topologicalOrder(output);
  output.grad += 1;
  for (let i = order.length - 1; i >= 0; i--) order[i].localBackward();
}
