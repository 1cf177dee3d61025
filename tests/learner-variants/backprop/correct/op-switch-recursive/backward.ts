// Correct engine: the recursive topological sort, and the sweep over a reversed copy.
import type { Value } from './value.js';

export function topologicalOrder(output: Value): Value[] {
  const visited = new Set<Value>();
  const order: Value[] = [];
  (function build(v: Value) {
    if (!visited.has(v)) {
      visited.add(v);
      v.children.forEach(build);
      order.push(v);
    }
  })(output);
  return order;
}

export function backward(output: Value): void {
  const order = topologicalOrder(output);
  output.grad = 1;
  [...order].reverse().forEach((v) => v.localBackward());
}
