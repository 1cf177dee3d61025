// Buggy backward: sets every grad in the graph to 0 before the sweep, dropping what the leaves held.
// Backpropagation over a whole graph: visit every value the output depends on in topological order, then run
// each local backward step from the output down, so that a value passes its gradient on only once it is complete.
import type { Value } from './value.js';

/** Every value `output` depends on, each once, each after all of its children: inputs first, `output` last. */
export function topologicalOrder(output: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>();
  const visit = (v: Value): void => {
    if (visited.has(v)) return;
    visited.add(v);
    for (const child of v.children) visit(child);
    order.push(v); // after all of its inputs
  };
  visit(output);
  return order;
}

/** Fills in ∂output/∂v for every value v below `output`, adding to whatever grad it already holds. */
export function backward(output: Value): void {
  const order = topologicalOrder(output);
  for (const v of order) v.grad = 0;
  output.grad = 1;
  for (const v of order.reverse()) v.localBackward(); // output first: every user of v has added into v.grad
}
