// The backward exercise: topologicalOrder() and backward() of exercises/backprop/backward.ts, run on graphs of the
// grader's recorded values (whose local steps are right), must order every value after its inputs and leave PyTorch's
// gradients, accumulated onto what the leaves held.
import { defineExpressionSuite, outputOf } from './expression-suite.js';
import { gradsProblem, leavesText, type ExpressionOutput } from './expression-verdict.js';
import type { ExpressionCase } from './fixtures.js';
import { labelOf, orderGraph } from './order-graph.js';
import { EXPRESSION } from './tolerance.js';

interface OrderOutput {
  /** The values topologicalOrder() listed, by their numbers in the case's graph (-1: not one of its values). */
  order: number[];
}

/**
 * What is wrong with `order` ("lists c twice; …"), or null when it holds every value of the case's graph once, each
 * after its children. The graph is the one the grader builds here, from the case: nothing the learner's code could
 * reach inside the sandbox decides it.
 */
function orderFault(c: ExpressionCase, { order }: OrderOutput): string | null {
  const graph = orderGraph(c);
  const label = (id: number) => labelOf(graph, id);
  if (order.includes(-1)) return "returned something that is not one of the graph's values.";
  const position = new Map<number, number>();
  for (const [i, id] of order.entries()) {
    if (position.has(id))
      return `lists ${label(id)} twice; each value belongs in the order once (keep a set of the values visited and skip one already in it).`;
    position.set(id, i);
  }
  const missing = graph.nodes.map((_, id) => id).filter((id) => !position.has(id));
  if (missing.length > 0)
    return `holds ${order.length} of the ${graph.nodes.length} values the output depends on; missing: ${missing.map(label).join(', ')}.`;
  for (const [id, children] of graph.children.entries()) {
    const early = children.find((child) => position.get(child)! > position.get(id)!);
    if (early !== undefined)
      return `puts ${label(id)} before ${label(early)}, one of its inputs: every value must come after all of its inputs.`;
  }
  return null;
}

defineExpressionSuite({
  exercise: 'backward',
  files: ['backward.ts'],
  tolerance: EXPRESSION,
  hiddenIs: 'runs your backward() on another graph',
  checks: [
    {
      title: (c) => `backward() leaves PyTorch's gradients: ${c.name}`,
      jobs: [{ suffix: 'backward', driver: 'backwardExpression' }],
      judge: (c, result) => {
        // Wrong gradients from a wrong order: the order's own fault says why, before any mistake of the sweep that
        // the same numbers would also match (a pre-order list, reversed, runs the steps inputs first).
        let order: string | null = null;
        try {
          order = orderFault(c, outputOf<OrderOutput>(result('order')));
        } catch {
          // topologicalOrder() threw: its own test says so.
        }
        return gradsProblem(
          c,
          outputOf<ExpressionOutput>(result('backward')),
          'backward',
          EXPRESSION,
          'after backward(output)',
          undefined,
          order ? `backward() runs the local steps in topologicalOrder()'s order, which ${order}` : undefined,
        );
      },
    },
    {
      title: (c) => `topologicalOrder() puts every value after its inputs: ${c.name}`,
      jobs: [{ suffix: 'order', driver: 'topologicalOrderOf' }],
      judge: (c, result) => {
        const fault = orderFault(c, outputOf<OrderOutput>(result('order')));
        return fault && `topologicalOrder() on ${c.name} ${fault} (${leavesText(c)})`;
      },
    },
  ],
});
