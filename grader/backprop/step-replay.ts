// The walk that runs local backward steps where an exercise tests them alone (the operations, the nonlinearities):
// the case's steps last to first, and for each step the values first reached from its value, depth first, each
// before its children. It needs the case's list of steps and is no backward pass of a graph (values shared inside
// one step would go too early), so the kit that holds it holds no answer to backward(). fixtures/generate.py's
// replay_order walks the same way, so a typical mistake's simulated numbers are what the kit's walk gives.
import { setAdd, setHas, setSize } from '../sandbox/realm-intrinsics.js';

/**
 * The values to run localBackward() on, in order. `childrenOf` reads a value's children (learner code, maybe: it
 * checks them and says what went wrong); `tooMany` is called when the steps reach more than `maxValues` values, a
 * graph that keeps growing.
 */
export function replayOrder<N>(
  leaves: readonly N[],
  stepValues: readonly N[],
  childrenOf: (value: N) => readonly N[],
  maxValues: number,
  tooMany: () => never,
): N[] {
  // Index loops and the realm's own Set methods: in the sandbox, learner modules have loaded before this runs.
  const known = new Set<unknown>();
  for (let i = 0; i < leaves.length; i++) setAdd(known, leaves[i]);
  const perStep: N[][] = [];
  for (let s = 0; s < stepValues.length; s++) {
    const mine: N[] = [];
    const stack: N[] = [stepValues[s]!];
    while (stack.length > 0) {
      const value = stack[stack.length - 1]!;
      stack.length -= 1;
      if (setHas(known, value)) continue;
      setAdd(known, value);
      if (setSize(known) > maxValues) tooMany();
      mine[mine.length] = value;
      const children = childrenOf(value);
      for (let k = children.length - 1; k >= 0; k--) stack[stack.length] = children[k]!;
    }
    perStep[s] = mine;
  }
  const order: N[] = [];
  for (let s = perStep.length - 1; s >= 0; s--) {
    const mine = perStep[s]!;
    for (let k = 0; k < mine.length; k++) order[order.length] = mine[k]!;
  }
  return order;
}
