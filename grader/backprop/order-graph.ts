// The graph a topologicalOrder() is judged on, built from a case the same way on both sides of the sandbox: the
// suite builds its own in the grader's process and judges the order against it, and the driver builds one beside
// the learner's code only to number the values the learner's function returns. Inside the sandbox the learner's
// modules load first and may have replaced Array, Map, Set or Object methods (or the iterators behind for…of), so
// nothing here looks a built-in method up after the drivers load: index loops, own properties, array literals and
// functions taken when this module loads.
import type { ExpressionSpec } from './expression.js';
import { GraderValue, graderOps, type GraphNode } from './grader-value.js';

// Taken when the drivers load, before any learner module can replace them.
const keysOf = Object.keys;
const create = Object.create;

/** How a message names a value that no name of the case gives: one an operation made on its own. */
export const MADE_INSIDE = 'a value your code made (a constant, or inside sub, neg or div)';

export interface OrderGraph {
  /** The values in the grader's own topological order (depth first, children first, in the order listed). */
  nodes: GraphNode[];
  /** Each value's name in the case, by its number (its position in `nodes`); '' for one made inside an operation. */
  names: string[];
  /** Each value's children, as numbers. */
  children: number[][];
  /** The output's number: the last of `nodes`. */
  output: number;
}

/** Where `node` is in `list`, by identity; -1 if it is not there. */
export function positionOf(list: readonly unknown[], node: unknown): number {
  for (let i = 0; i < list.length; i++) if (list[i] === node) return i;
  return -1;
}

/** The case's expression on the grader's own values, numbered in the grader's topological order. */
export function orderGraph(spec: ExpressionSpec): OrderGraph {
  // A map with no prototype: no accessor on Object.prototype can answer for a name.
  const env = create(null) as Record<string, GraphNode | undefined>;
  const named: GraphNode[] = [];
  const namesOfNamed: string[] = [];
  const leafNames = keysOf(spec.leaves);
  for (let i = 0; i < leafNames.length; i++) {
    const name = leafNames[i]!;
    const node = new GraderValue(+spec.leaves[name]!);
    env[name] = node;
    named[named.length] = node;
    namesOfNamed[namesOfNamed.length] = name;
  }
  let output: GraphNode | undefined;
  for (let i = 0; i < spec.steps.length; i++) {
    // By index: destructuring would go through the array iterator.
    const step = spec.steps[i]!;
    const name = step[0];
    const op = step[1];
    const receiver = step[2];
    const operand = step[3];
    output = graderOps[op](env[receiver]!, typeof operand === 'string' ? env[operand]! : operand);
    env[name] = output;
    named[named.length] = output;
    namesOfNamed[namesOfNamed.length] = name;
  }
  if (!output) throw new Error('an expression case needs at least one step');

  // Depth first from the output, each value after its children: the order graph-walk.ts's topologicalOrder gives.
  const nodes: GraphNode[] = [];
  const seen: GraphNode[] = [output];
  const stack: Array<{ node: GraphNode; next: number }> = [{ node: output, next: 0 }];
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const kids = top.node.children as GraphNode[];
    if (top.next === kids.length) {
      nodes[nodes.length] = top.node;
      stack.length -= 1;
      continue;
    }
    const child = kids[top.next++]!;
    if (positionOf(seen, child) !== -1) continue;
    seen[seen.length] = child;
    stack[stack.length] = { node: child, next: 0 };
  }
  const names: string[] = [];
  const children: number[][] = [];
  for (let id = 0; id < nodes.length; id++) {
    const at = positionOf(named, nodes[id]);
    names[id] = at === -1 ? '' : namesOfNamed[at]!;
    const kids = nodes[id]!.children as GraphNode[];
    const ids: number[] = [];
    for (let k = 0; k < kids.length; k++) ids[ids.length] = positionOf(nodes, kids[k]);
    children[id] = ids;
  }
  return { nodes, names, children, output: nodes.length - 1 };
}

/** How messages name value `id` of the graph. */
export const labelOf = (graph: OrderGraph, id: number): string => graph.names[id] || MADE_INSIDE;
