// Buggy backward: sorts correctly but never sets the output's gradient to 1.
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
  const order = topologicalOrder(output);
  for (let i = order.length - 1; i >= 0; i--) order[i]!.localBackward();
}
