// Backpropagation over a whole graph: visit every value the output depends on in topological order, then run
// each local backward step from the output down, so that a value passes its gradient on only once it is complete.
import type { Value } from './value.js';

/** Every value `output` depends on, each once, each after all of its children: inputs first, `output` last. */
export function topologicalOrder(output: Value): Value[] {
  const order: Value[] = [];
  const visited = new Set<Value>();
  // TODO: ~28 words
  throw new Error('not implemented yet: write topologicalOrder()');
}

/** Fills in ∂output/∂v for every value v below `output`, adding to whatever grad it already holds. */
export function backward(output: Value): void {
  // TODO: ~15 words
  throw new Error('not implemented yet: write backward()');
}
