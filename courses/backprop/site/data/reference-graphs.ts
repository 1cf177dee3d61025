// The `backprop-graphs` data module: each graph of the catalog built with the reference solution's engine and its
// backward pass run, as plain numbers. Runs in Node at build time; the browser never loads solutions/.
import { NONLINEARITIES, type Op } from '../../../../grader/backprop/expression.js';
import { GRAPHS, type GraphsData } from '../shared/graph-catalog.js';
import { buildExpression, namesOf, type Engine } from '../shared/expression-graph.js';
import { snapshotGraph, type ValueLike } from '../shared/graph-snapshot.js';
import { graphCase } from './graph-cases.js';

export async function referenceGraphs(): Promise<GraphsData> {
  const [{ Value }, { backward }, nonlinearities] = await Promise.all([
    import('../../../../solutions/backprop/value.js'),
    import('../../../../solutions/backprop/backward.js'),
    import('../../../../solutions/backprop/nonlinearities.js'),
  ]);
  type V = InstanceType<typeof Value>;
  const engine: Engine = {
    leaf: (x) => new Value(x),
    apply([, op], receiver, operand) {
      const a = receiver as V;
      if (NONLINEARITIES.has(op)) return nonlinearities[op as 'tanh' | 'relu' | 'exp' | 'log'](a);
      const method = op as Exclude<Op, 'tanh' | 'relu' | 'exp' | 'log'>;
      return method === 'neg'
        ? a.neg()
        : method === 'pow'
          ? a.pow(operand as number)
          : a[method](operand as V | number);
    },
  };
  const graphs: GraphsData = {};
  for (const graph of GRAPHS) {
    const { leaves, steps } = graphCase(graph);
    const built = buildExpression({ leaves, steps }, engine);
    backward(built.output as V);
    graphs[graph.id] = {
      backward: graph.backward,
      spec: { leaves, steps },
      reference: snapshotGraph(built.output as ValueLike, namesOf(built)),
    };
  }
  return graphs;
}
