// Web Worker that trains the learner's own MLP (exercises/backprop/nn.ts, on their engine) from the page's initial
// weights, one trainingStep() at a time, then maps its score over a grid. Each step and each row of the map runs
// under the loop guard, and the page terminates a worker that goes silent.
import { withDeadline } from '../../../../site/client/loop-guard.js';
import { accuracyOf, cellCentres } from '../shared/network-demo.js';
import { failureOf, learnerCall, LearnerProblem } from './learner-failure.js';
import { loaded, loadExports } from './learner-modules.js';
import type { NetworkMessage, NetworkRequest } from './network-protocol.js';
import { WORKER_READY } from './worker-ready.js';

/** How long one training step, or one row of the map, may take. */
const STEP_LIMIT_MS = 5000;

const scope = self as unknown as { postMessage(message: NetworkMessage | typeof WORKER_READY): void };

const nn = await loadExports('nn.ts', ['MLP', 'trainingStep'], () => import('../../../../exercises/backprop/nn.js'));

interface Network {
  call(x: number[]): unknown;
  parameters(): unknown;
}
type NetworkClass = new (nin: number, nouts: number[]) => Network;
type Step = (model: Network, points: number[][], labels: number[], k: number) => { loss: unknown; accuracy: unknown };
type Settable = { data: unknown; grad: unknown };

const described = (sizes: number[]): string => `new MLP(${sizes[0]}, [${sizes.slice(1).join(', ')}])`;

function prepared(request: NetworkRequest): Network {
  const MLP = loaded(nn).MLP as NetworkClass;
  const [nin, ...nouts] = request.sizes;
  const model = learnerCall(described(request.sizes), () => new MLP(nin!, nouts));
  const parameters = learnerCall('model.parameters()', () => Array.from(model.parameters() as Iterable<Settable>));
  if (parameters.length !== request.parameters.length)
    throw new LearnerProblem({
      status: 'threw',
      during: 'model.parameters()',
      message: `${described(request.sizes)}.parameters() gives ${parameters.length} values; it has ${request.parameters.length} (each neuron: one weight per input, then its bias)`,
    });
  learnerCall('setting the initial weights', () =>
    parameters.forEach((p, i) => {
      p.data = request.parameters[i]!;
      p.grad = 0;
    }),
  );
  return model;
}

const scoreOf = (model: Network, x: number[]): number =>
  learnerCall(`model.call([${x.map((v) => v.toFixed(2)).join(', ')}])`, () => {
    const out = model.call(x.slice()) as ArrayLike<{ data: unknown }>;
    return Number(out[0]!.data);
  });

function train(request: NetworkRequest): void {
  const model = withDeadline(STEP_LIMIT_MS, () => prepared(request));
  const trainingStep = loaded(nn).trainingStep as Step;
  for (let k = 0; k < request.nSteps; k++) {
    const { loss, accuracy } = withDeadline(STEP_LIMIT_MS, () =>
      learnerCall(`trainingStep(model, points, labels, ${k})`, () =>
        trainingStep(
          model,
          request.points.map((p) => p.slice()),
          request.labels.slice(),
          k,
        ),
      ),
    );
    scope.postMessage({ kind: 'step', k, loss: Number(loss), accuracy: Number(accuracy) });
  }
  const centres = cellCentres(request.grid);
  for (let from = 0; from < centres.length; from += request.grid.cells) {
    const row = centres.slice(from, from + request.grid.cells);
    scope.postMessage({
      kind: 'scores',
      from,
      scores: withDeadline(STEP_LIMIT_MS, () => row.map((x) => scoreOf(model, x))),
    });
  }
  const scores = withDeadline(STEP_LIMIT_MS, () => request.points.map((x) => scoreOf(model, x)));
  scope.postMessage({ kind: 'done', accuracy: accuracyOf(scores, request.labels) });
}

self.addEventListener('message', (event: MessageEvent<NetworkRequest>) => {
  try {
    train(event.data);
  } catch (error) {
    scope.postMessage({ kind: 'failed', failure: failureOf(error, 'training the network') });
  }
});
scope.postMessage(WORKER_READY);
