// Web Worker that builds the page's computation graphs with the learner's own Value (and tanh, relu, exp, log, and
// backward() where a graph uses them) and runs the backward pass. In a worker, so that the page can stop an endless
// loop by terminating it; the loop guard stops one sooner and says where it was.
import { describeCall, NONLINEARITIES, type Step } from '../../../../grader/backprop/expression.js';
import { withDeadline } from '../../../../site/client/loop-guard.js';
import { buildExpression, namesOf, type Engine } from '../shared/expression-graph.js';
import { snapshotGraph, type ValueLike } from '../shared/graph-snapshot.js';
import { walkBackward } from './backward-walk.js';
import type { GraphOutcome, GraphRequest } from './graph-protocol.js';
import { failureOf, learnerCall } from './learner-failure.js';
import { loaded, loadExports } from './learner-modules.js';
import { WORKER_READY } from './worker-ready.js';

/** How long one graph may take, building and backward pass included. */
const GRAPH_LIMIT_MS = 2000;

// The DOM lib types `self` as a Window; in a dedicated worker postMessage takes the message alone.
const scope = self as unknown as { postMessage(message: unknown): void };

const [value, backward, nonlinearities] = await Promise.all([
  loadExports('value.ts', ['Value'], () => import('../../../../exercises/backprop/value.js')),
  loadExports('backward.ts', ['backward'], () => import('../../../../exercises/backprop/backward.js')),
  loadExports(
    'nonlinearities.ts',
    ['tanh', 'relu', 'exp', 'log'],
    () => import('../../../../exercises/backprop/nonlinearities.js'),
  ),
]);

type ValueClass = new (data: number) => ValueLike;
type Fn = (...args: unknown[]) => unknown;

function returned(step: Step, made: unknown): ValueLike {
  if (typeof made !== 'object' || made === null)
    throw new Error(`${describeCall(step)} returned ${String(made)}, not a Value`);
  return made as ValueLike;
}

function learnerEngine(): Engine {
  const Value = loaded(value).Value as ValueClass;
  if (typeof Value !== 'function') throw new Error('exercises/backprop/value.ts: Value is not a class');
  return {
    leaf: (x) => learnerCall(`new Value(${x})`, () => new Value(x)),
    apply(step, receiver, operand) {
      const [, op] = step;
      return learnerCall(describeCall(step), () => {
        if (NONLINEARITIES.has(op)) return returned(step, (loaded(nonlinearities)[op as 'tanh'] as Fn)(receiver));
        const method = (receiver as unknown as Record<string, unknown>)[op];
        if (typeof method !== 'function') throw new Error(`Value has no method ${op}()`);
        return returned(step, (method as Fn).call(receiver, operand));
      });
    },
  };
}

function run(request: GraphRequest): GraphOutcome {
  try {
    return withDeadline(GRAPH_LIMIT_MS, () => {
      const built = buildExpression(request.spec, learnerEngine());
      const names = namesOf(built);
      if (request.backward === 'learner') {
        const learnerBackward = loaded(backward).backward as Fn;
        learnerCall('backward(output)', () => learnerBackward(built.output));
      } else {
        walkBackward(request.spec, built.named, (v) => names.get(v) ?? 'a value your code made');
      }
      const snapshot = learnerCall('reading the graph', () => snapshotGraph(built.output, names));
      return { status: 'ran', snapshot };
    });
  } catch (error) {
    return failureOf(error, 'building the graph');
  }
}

self.addEventListener('message', (event: MessageEvent<GraphRequest[]>) => {
  scope.postMessage(event.data.map(run));
});
scope.postMessage(WORKER_READY);
