// The graph a topologicalOrder() is judged on, built from a case the same way on both sides of the sandbox: the
// suite builds its own in the grader's process and judges the order against it, and the driver builds one beside
// the learner's code only to number the values the learner's function returns. Inside the sandbox the learner's
// modules load first and may have replaced Array, Map, Set or Object methods (or the iterators behind for…of), so
// nothing here looks a built-in method up after the drivers load: index loops, own properties, array literals and
// functions taken when this module loads.
import type { ExpressionSpec } from './expression.js';
import { buildRecorded, recordedGraphOf, type GraphNode } from './grader-value.js';

/** How a message names a value that no name of the case gives: one an operation made on its own. */
export const MADE_INSIDE = 'a value your code made (a constant, or inside sub, neg or div)';

export interface OrderGraph {
  /** The values in the recorded topological order (depth first, children first, in the order listed). */
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

/** The case's expression on the grader's own values, numbered in the recorded topological order. */
export function orderGraph(spec: ExpressionSpec): OrderGraph {
  const graph = recordedGraphOf(spec);
  const order = graph.order;
  if (!order) throw new Error("this expression's recorded graph has no order: the order check runs on fixture cases");
  const made = buildRecorded(spec, graph);
  // The generator's depth-first order from the output (each value after its children, children in listed order):
  // the grader sorts nothing itself.
  const nodes: GraphNode[] = [];
  const names: string[] = [];
  for (let id = 0; id < order.length; id++) {
    const recorded = graph.nodes[order[id]!]!;
    nodes[id] = made[order[id]!]!;
    names[id] = recorded.name ?? '';
  }
  const children: number[][] = [];
  for (let id = 0; id < nodes.length; id++) {
    const kids = nodes[id]!.children as GraphNode[];
    const ids: number[] = [];
    for (let k = 0; k < kids.length; k++) ids[ids.length] = positionOf(nodes, kids[k]);
    children[id] = ids;
  }
  if (nodes.length === 0) throw new Error('an expression case needs at least one step');
  return { nodes, names, children, output: nodes.length - 1 };
}

/** How messages name value `id` of the graph. */
export const labelOf = (graph: OrderGraph, id: number): string => graph.names[id] || MADE_INSIDE;
