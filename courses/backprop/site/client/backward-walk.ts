// The site's own backward pass over the learner's values, for the pages whose exercise is the operations alone: a
// depth-first topological order (children in their listed order, each value after its children, the order the
// grader and its fixtures use), then the output's grad set to 1 and each value's localBackward(), output first.
import type { ValueLike } from '../shared/graph-snapshot.js';
import { MAX_SNAPSHOT_VALUES } from '../shared/graph-snapshot.js';
import { learnerCall } from './learner-failure.js';

type Walked = ValueLike & { localBackward?: unknown };

function childrenOf(value: Walked, label: string): Walked[] {
  return learnerCall(`reading ${label}.children`, () => {
    const children = value.children;
    if (children === null || typeof children !== 'object' || !(Symbol.iterator in children))
      throw new Error('children is not an array of Values');
    const list = Array.from(children as Iterable<unknown>);
    if (!list.every((child) => typeof child === 'object' && child !== null))
      throw new Error('children holds something that is not a Value');
    return list as Walked[];
  });
}

export function walkBackward(output: Walked, label: (value: Walked) => string): void {
  const order: Walked[] = [];
  const seen = new Set<Walked>([output]);
  const stack = [{ value: output, children: childrenOf(output, label(output)), next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    if (top.next === top.children.length) {
      order.push(top.value);
      stack.pop();
      continue;
    }
    const child = top.children[top.next++]!;
    if (seen.has(child)) continue;
    seen.add(child);
    if (seen.size > MAX_SNAPSHOT_VALUES)
      throw new Error(
        `the graph holds more than ${MAX_SNAPSHOT_VALUES} values: does an operation keep making new ones?`,
      );
    stack.push({ value: child, children: childrenOf(child, label(child)), next: 0 });
  }
  // The seed: ∂output/∂output is 1.
  const seeded = output;
  learnerCall(`setting ${label(output)}.grad to 1`, () => {
    seeded.grad = 1;
  });
  for (let i = order.length - 1; i >= 0; i--) {
    const value = order[i]!;
    learnerCall(`the localBackward() of ${label(value)}`, () => {
      const step = value.localBackward;
      if (typeof step !== 'function') throw new Error('localBackward is not a function');
      step.call(value);
    });
  }
}
