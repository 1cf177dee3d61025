// Which values of the learner's graph differ from the reference's, value by value: named values are matched by
// name, the ones an operation made on its own (a constant, the −b of a − b) by their place and operation.
import { close, EXPRESSION } from '../../../../grader/backprop/tolerance.js';
import type { GraphSnapshot, SnapshotNode } from './graph-snapshot.js';

export type Verdict = 'same' | 'grad-differs' | 'data-differs' | 'no-counterpart';

export interface NodeComparison {
  verdict: Verdict;
  /** The reference's value at the same place, when there is one. */
  reference: SnapshotNode | null;
}

/** A verdict that a learner must act on: the node is marked on the graph and in the table. */
export const differs = (verdict: Verdict): boolean => verdict === 'grad-differs' || verdict === 'data-differs';

export function compareGraphs(learner: GraphSnapshot, reference: GraphSnapshot): Map<string, NodeComparison> {
  const byKey = new Map(reference.nodes.map((node) => [node.key, node]));
  const result = new Map<string, NodeComparison>();
  for (const node of learner.nodes) {
    const counterpart = byKey.get(node.key) ?? null;
    // A named value is the same value whatever op text the learner gave it; a made one only if it is the same op.
    if (!counterpart || (node.name === null && counterpart.op !== node.op)) {
      result.set(node.key, { verdict: 'no-counterpart', reference: null });
      continue;
    }
    const verdict: Verdict = !close(node.data, counterpart.data, EXPRESSION)
      ? 'data-differs'
      : !close(node.grad, counterpart.grad, EXPRESSION)
        ? 'grad-differs'
        : 'same';
    result.set(node.key, { verdict, reference: counterpart });
  }
  return result;
}
