// Adversarial: a backward() copied from the site's graph snapshot (courses/backprop/site/shared/graph-snapshot.ts),
// which once listed values depth first, each after its children: the backward pass's order, there for the taking.
// It now takes each value when first reached, before its children, and this copy reverses that for an order. A
// value reached through its first user comes out before its second one: the walk is no topological order.
// The engine's Value as far as this file needs it (it is graded beside the learner's value.ts).
interface Value {
  grad: number;
  readonly children: Value[];
  localBackward(): void;
}

function reached(output: Value): Value[] {
  const seen = new Set<Value>([output]);
  const list = [output];
  const stack = [{ value: output, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next === top.value.children.length) {
      stack.pop();
      continue;
    }
    const child = top.value.children[top.next++]!;
    if (seen.has(child)) continue;
    seen.add(child);
    list.push(child);
    stack.push({ value: child, next: 0 });
  }
  return list;
}

export function topologicalOrder(output: Value): Value[] {
  return reached(output).reverse();
}

export function backward(output: Value): void {
  output.grad = 1.0;
  for (const value of topologicalOrder(output).reverse()) value.localBackward();
}
