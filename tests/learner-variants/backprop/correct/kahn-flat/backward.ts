// Correct engine: Kahn's algorithm, counting each value's users, gives the order from the output down.
import type { Value } from './value.js';

export function topologicalOrder(output: Value): Value[] {
  const users = new Map<Value, number>([[output, 0]]);
  const pending = [output];
  while (pending.length > 0) {
    for (const child of pending.pop()!.children) {
      if (!users.has(child)) pending.push(child);
      users.set(child, (users.get(child) ?? 0) + 1);
    }
  }
  const downward: Value[] = [];
  const ready = [output];
  while (ready.length > 0) {
    const v = ready.shift()!;
    downward.push(v);
    for (const child of v.children) {
      const left = users.get(child)! - 1;
      users.set(child, left);
      if (left === 0) ready.push(child);
    }
  }
  return downward.reverse();
}

export function backward(output: Value): void {
  const order = topologicalOrder(output);
  output.grad = 1;
  for (const v of order.reverse()) v.localBackward();
}
