// The expression of each graph of shared/graph-catalog.ts, looked up in the grader's fixtures (Node only: they are
// read from disk), so the pages draw exactly the cases the grader checks against PyTorch.
import { fixtures, type ExpressionCase } from '../../../../grader/backprop/fixtures.js';
import type { GraphDefinition } from '../shared/graph-catalog.js';

const CATALOG = 'courses/backprop/site/shared/graph-catalog.ts';

export function graphCase(graph: GraphDefinition): ExpressionCase {
  const { exercise, name } = graph.fixture;
  const cases = fixtures[exercise];
  const found = cases.find((c) => c.name === name);
  if (!found)
    throw new Error(
      `${CATALOG}: graph "${graph.id}" wants the ${exercise} case "${name}", which grader/backprop/fixtures/cases.json does not have; pick one of: ${cases.map((c) => `"${c.name}"`).join(', ')}`,
    );
  // backward() starts every pass at grad 1 from zeros, so a case that starts elsewhere would not match its drawing.
  if (found.outputGrad != null || found.startGrads != null)
    throw new Error(
      `${CATALOG}: graph "${graph.id}" uses the case "${name}", which starts its backward pass from other gradients; pick a case without outputGrad or startGrads`,
    );
  return found;
}
