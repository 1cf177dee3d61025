// Adversarial: a backward() copied from the kit's own code. The grader runs the operations' local backward steps
// by replaying a case's steps (grader/backprop/step-replay.ts); copied here with the whole graph as one step, the
// walk visits each value once, depth first, before its children, and the topological order is the same walk. The
// kit holds no backward pass to copy: a value with two users gets its grad read before the second one adds to it.
// The engine's Value as far as this file needs it (it is graded beside the learner's value.ts).
interface Value {
  grad: number;
  readonly children: Value[];
  localBackward(): void;
}

function replayOrder(output: Value): Value[] {
  const known = new Set<Value>();
  const order: Value[] = [];
  const stack = [output];
  while (stack.length > 0) {
    const value = stack.pop()!;
    if (known.has(value)) continue;
    known.add(value);
    order.push(value);
    for (let k = value.children.length - 1; k >= 0; k--) stack.push(value.children[k]!);
  }
  return order;
}

export function topologicalOrder(output: Value): Value[] {
  return replayOrder(output).reverse();
}

export function backward(output: Value): void {
  output.grad = 1.0;
  for (const value of replayOrder(output)) value.localBackward();
}
