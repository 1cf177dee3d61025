// Correct engine: an iterative depth-first topological sort with an explicit stack.
import type { Value } from './value.js';

export function topologicalOrder(output: Value): Value[] {
  const order: Value[] = [];
  const done = new Set<Value>();
  const stack: Array<[Value, boolean]> = [[output, false]];
  while (stack.length > 0) {
    const [v, expanded] = stack.pop()!;
    if (expanded) {
      order.push(v);
      continue;
    }
    if (done.has(v)) continue;
    done.add(v);
    stack.push([v, true]);
    for (let i = v.children.length - 1; i >= 0; i--) if (!done.has(v.children[i]!)) stack.push([v.children[i]!, false]);
  }
  return order;
}

export function backward(output: Value): void {
  const order = topologicalOrder(output);
  output.grad = 1;
  for (let i = order.length - 1; i >= 0; i--) order[i]!.localBackward();
}
