// The grader's own backward pass over any graph, the learner's values included, for exercises that test the
// local backward steps alone: a topological order (depth-first, each value after its children, in the order the
// children are listed, as the fixture generator walks it), then each value's localBackward(), output first.
import { learnerCall, LearnerThrew } from '../sandbox/driver.js';
import type { GraphNode } from './grader-value.js';
import { arrayFrom, setAdd, setHas, setSize } from '../sandbox/realm-intrinsics.js';

/** More values than any case builds: a graph that keeps growing is the learner's loop, not a case. */
const MAX_VALUES = 200_000;

/** Names a value of the graph in a message ("c", "a value made inside d = c − b"). */
export type Label = (node: GraphNode) => string;

function childrenOf(node: GraphNode, label: Label): GraphNode[] {
  return learnerCall(`reading ${label(node)}.children`, () => {
    const children = node.children;
    if (children === null || typeof children !== 'object' || !(Symbol.iterator in children))
      throw new Error('children is not an array of Values');
    return arrayFrom(children);
  });
}

/** Every value `output` depends on, each once, children first; iterative, so a deep graph cannot overflow. */
export function topologicalOrder(output: GraphNode, label: Label): GraphNode[] {
  const order: GraphNode[] = [];
  const seen = new Set<GraphNode>([output]);
  const stack: Array<{ node: GraphNode; children: GraphNode[]; next: number }> = [
    { node: output, children: childrenOf(output, label), next: 0 },
  ];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next === top.children.length) {
      order.push(top.node); // after all of its children
      stack.pop();
      continue;
    }
    const child = top.children[top.next++];
    if (child === null || typeof child !== 'object') {
      throw new LearnerThrew(`reading ${label(top.node)}.children`, new Error('a child is not a Value'));
    }
    if (setHas(seen, child)) continue;
    setAdd(seen, child);
    if (setSize(seen) > MAX_VALUES)
      throw new LearnerThrew('the backward pass', new Error(`more than ${MAX_VALUES} values`));
    stack.push({ node: child, children: childrenOf(child, label), next: 0 });
  }
  return order;
}

/** Sets output.grad to `seed` and runs every local backward step, output first. */
export function runBackward(output: GraphNode, seed: number, label: Label): void {
  const order = topologicalOrder(output, label);
  learnerCall(`setting ${label(output)}.grad`, () => {
    output.grad = seed;
  });
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i]!;
    learnerCall(`the local backward of ${label(node)}`, () => {
      const step = node.localBackward;
      if (typeof step !== 'function') throw new Error('localBackward is not a function');
      step.call(node);
    });
  }
}
