// The `backprop-network` data module: the reference MLP trained on the grader's training case for the page's
// steps, its loss per step and its score over the map's grid. Runs in Node at build time, from solutions/.
import { fixtures } from '../../../../grader/backprop/fixtures.js';
import { accuracyOf, cellCentres, DEMO_STEPS, gridAround, type NetworkData } from '../shared/network-demo.js';

export async function referenceNetwork(): Promise<NetworkData> {
  const { MLP, trainingStep } = await import('../../../../solutions/backprop/nn.js');
  const { sizes, parameters, points, labels, nSteps: graderSteps } = fixtures.mlp.train;
  const model = new MLP(sizes[0]!, sizes.slice(1));
  model.parameters().forEach((p, i) => {
    p.data = parameters[i]!;
  });
  const history = Array.from({ length: DEMO_STEPS }, (_, k) => trainingStep(model, points, labels, k));
  const grid = gridAround(points);
  const scores = cellCentres(grid).map((x) => model.call(x)[0]!.data);
  const accuracy = accuracyOf(
    points.map((x) => model.call(x)[0]!.data),
    labels,
  );
  return {
    sizes,
    parameters,
    points,
    labels,
    nSteps: DEMO_STEPS,
    graderSteps,
    grid,
    reference: { history, scores, accuracy },
  };
}
