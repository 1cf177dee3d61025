// Buggy backward: the topological order has no visited set, so a value with two users appears twice and backward() runs its step twice.
import type { Value } from './value.js';

export function topologicalOrder(output: Value): Value[] {
  const order: Value[] = [];
  const walk = (v: Value): void => {
    for (const c of v.children) walk(c);
    order.push(v);
  };
  walk(output);
  return order;
}

export function backward(output: Value): void {
  output.grad = 1;
  for (const v of topologicalOrder(output).reverse()) v.localBackward();
}
