// The backprop course's sandbox drivers: they build each case's expression with the learner's engine (or with the
// grader's recorded values around the part an exercise tests), run the local backward steps or the learner's
// backward(), build and train the learner's network, and return plain numbers for the suites to judge. Nothing here
// decides a verdict.
import { defineDrivers, isLearnerThrew, learnerCall, LearnerThrew, type DriverContext } from '../sandbox/driver.js';
import {
  describeCall,
  evaluatePlain,
  NONLINEARITIES,
  outputName,
  type ExpressionSpec,
  type Op,
  type Step,
} from './expression.js';
import { buildRecorded, recordedGraphOf, type GraphNode } from './grader-value.js';
import { MADE_INSIDE, orderGraph, positionOf } from './order-graph.js';
import { replayOrder } from './step-replay.js';
import { seededMoons, seededParameters } from './seeded-data.js';
import { arrayFrom, objectIs, setAdd, setHas, setSize, toNumber } from '../sandbox/realm-intrinsics.js';

/** What a step's operation does with its receiver and operand (a node, or a plain number as the step gives it). */
type Apply = (step: Step, receiver: GraphNode, operand: GraphNode | number | undefined) => GraphNode;

/** Names a value of the graph in a message ("c", "a value made inside d = c − b"). */
type Label = (node: GraphNode) => string;

/** More values than any case builds: a graph that keeps growing is the learner's loop, not a case. */
const MAX_VALUES = 200_000;

interface Built {
  leaves: Map<string, GraphNode>;
  steps: Map<string, GraphNode>;
  output: GraphNode;
  label: Label;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function returnedValue(step: Step, value: unknown): GraphNode {
  if (!isObject(value))
    throw new LearnerThrew(describeCall(step), new Error(`it returned ${String(value)}, not a Value`));
  return value as unknown as GraphNode;
}

/** Builds the case's expression; each leaf from `leaf`, each step with `apply`. */
function build(spec: ExpressionSpec, leaf: (x: number, name: string) => GraphNode, apply: Apply): Built {
  const leaves = new Map<string, GraphNode>();
  const steps = new Map<string, GraphNode>();
  const env = new Map<string, GraphNode>();
  for (const [name, x] of Object.entries(spec.leaves)) {
    const node = leaf(toNumber(x), name);
    leaves.set(name, node);
    env.set(name, node);
  }
  for (const step of spec.steps) {
    const [name, , receiver, operand] = step;
    const node = apply(step, env.get(receiver)!, typeof operand === 'string' ? env.get(operand)! : operand);
    steps.set(name, node);
    env.set(name, node);
  }
  return named(leaves, steps, spec);
}

function named(leaves: Map<string, GraphNode>, steps: Map<string, GraphNode>, spec: ExpressionSpec): Built {
  const names = new Map<GraphNode, string>([...leaves, ...steps].map(([name, node]) => [node, name]));
  const label: Label = (node) => names.get(node) ?? MADE_INSIDE;
  return { leaves, steps, output: steps.get(outputName(spec))!, label };
}

/** Builds the case's expression on the grader's recorded values, the learner's function making its own steps. */
function buildFromRecord(spec: ExpressionSpec, learnerStep?: (step: Step, receiver: GraphNode) => GraphNode): Built {
  const graph = recordedGraphOf(spec);
  const made = buildRecorded(spec, graph, learnerStep);
  const leaves = new Map<string, GraphNode>();
  const steps = new Map<string, GraphNode>();
  graph.nodes.forEach(({ name, step }, i) => {
    if (name !== undefined) (step < 0 ? leaves : steps).set(name, made[i]!);
  });
  return named(leaves, steps, spec);
}

function childrenOf(node: GraphNode, label: Label): GraphNode[] {
  return learnerCall(`reading ${label(node)}.children`, () => {
    const children = node.children;
    if (children === null || typeof children !== 'object' || !(Symbol.iterator in children))
      throw new Error('children is not an array of Values');
    const list = arrayFrom(children);
    for (let i = 0; i < list.length; i++)
      if (list[i] === null || typeof list[i] !== 'object') throw new Error('a child is not a Value');
    return list;
  });
}

/** Sets output.grad to `seed` and runs every local backward step the case's steps reach, output first. */
function replayBackward(built: Built, seed: number): void {
  const order = replayOrder(
    [...built.leaves.values()],
    [...built.steps.values()],
    (node) => childrenOf(node, built.label),
    MAX_VALUES,
    () => {
      throw new LearnerThrew('the backward pass', new Error(`more than ${MAX_VALUES} values`));
    },
  );
  learnerCall(`setting ${built.label(built.output)}.grad`, () => {
    built.output.grad = seed;
  });
  for (let i = 0; i < order.length; i++) {
    const node = order[i]!;
    learnerCall(`the local backward of ${built.label(node)}`, () => {
      const step = node.localBackward;
      if (typeof step !== 'function') throw new Error('localBackward is not a function');
      step.call(node);
    });
  }
}

function startGrads(built: Built, spec: ExpressionSpec): void {
  for (const [name, grad] of Object.entries(spec.startGrads ?? {})) {
    learnerCall(`setting ${name}.grad`, () => {
      built.leaves.get(name)!.grad = grad;
    });
  }
}

const read = (what: string, get: () => unknown): number => learnerCall(what, () => toNumber(get()));
const dataOf = (nodes: Map<string, GraphNode>) =>
  Object.fromEntries([...nodes].map(([name, node]) => [name, read(`reading ${name}.data`, () => node.data)]));
const gradsOf = (nodes: Map<string, GraphNode>) =>
  Object.fromEntries([...nodes].map(([name, node]) => [name, read(`reading ${name}.grad`, () => node.grad)]));

/** The Values a node reaches through children, itself included (at most `limit` of them: a graph is small here). */
function reachable(node: GraphNode, name: string, limit = 10_000): Set<GraphNode> {
  const seen = new Set<GraphNode>();
  const stack = [node];
  while (stack.length > 0 && setSize(seen) < limit) {
    const n = stack.pop()!;
    if (setHas(seen, n)) continue;
    setAdd(seen, n);
    const children = learnerCall(`reading ${name}.children`, () => arrayFrom(n.children ?? []));
    for (const child of children) if (child && typeof child === 'object') stack.push(child as GraphNode);
  }
  return seen;
}

/**
 * Whether a learner-made step lists its receiver (and a Value operand) among its children: directly for the ops in
 * `ops`, and, for the ops built from others (neg, sub, div, in `composite`), anywhere below it through children, since
 * a − b is a + (−b). A step whose inputs are not all reached is listed in `unreached` with the inputs it misses.
 */
function linkedOf(
  spec: ExpressionSpec,
  built: Built,
  ops: ReadonlySet<Op>,
  composite: ReadonlySet<Op> = new Set(),
): { linked: Record<string, boolean>; unreached: Record<string, string[]> } {
  const linked: Record<string, boolean> = {};
  const unreached: Record<string, string[]> = {};
  const env = (n: string) => built.leaves.get(n) ?? built.steps.get(n);
  for (const [name, op, receiver, operand] of spec.steps) {
    const inputs = [receiver, ...(typeof operand === 'string' ? [operand] : [])];
    const node = built.steps.get(name)!;
    if (ops.has(op)) {
      const children = learnerCall(`reading ${name}.children`, () => arrayFrom(node.children ?? []));
      linked[name] = inputs.every((n) => children.includes(env(n)!));
    } else if (composite.has(op)) {
      const below = reachable(node, name);
      const missing = inputs.filter((n) => !setHas(below, env(n)!));
      linked[name] = missing.length === 0;
      if (missing.length > 0) unreached[name] = missing;
    }
  }
  return { linked, unreached };
}

/** Builds, reads every value, replays the local backward steps from outputGrad, reads every gradient. */
function evaluateBuilt(
  spec: ExpressionSpec,
  construct: () => Built,
  linkedOps: ReadonlySet<Op>,
  compositeOps?: ReadonlySet<Op>,
) {
  const built = construct();
  const values = dataOf(built.steps);
  const { linked, unreached } = linkedOf(spec, built, linkedOps, compositeOps);
  startGrads(built, spec);
  try {
    replayBackward(built, spec.outputGrad ?? 1);
  } catch (error) {
    if (isLearnerThrew(error)) throw new LearnerThrew(error.during, error.cause, { values, linked, unreached });
    throw error;
  }
  return { values, linked, unreached, grads: gradsOf(built.leaves), stepGrads: gradsOf(built.steps) };
}

type ValueClass = new (data: number) => Record<string, unknown>;

async function valueClass(context: DriverContext): Promise<ValueClass> {
  const Value = await context.load('value.ts', 'Value');
  if (typeof Value !== 'function') throw new LearnerThrew('loading value.ts', new Error('it exports no class Value'));
  return Value as ValueClass;
}

/** The grader's values, the learner's function for each nonlinearity. */
async function nonlinearities(context: DriverContext): Promise<Partial<Record<Op, (a: GraphNode) => unknown>>> {
  const found: Partial<Record<Op, (a: GraphNode) => unknown>> = {};
  for (const op of NONLINEARITIES) {
    const fn = await context.load('nonlinearities.ts', op);
    if (typeof fn !== 'function')
      throw new LearnerThrew('loading nonlinearities.ts', new Error(`it exports no function ${op}`));
    found[op] = fn as (a: GraphNode) => unknown;
  }
  return found;
}

// The network's API, as the instructions give it.
interface Network {
  layers?: unknown;
  call(x: number[]): unknown;
  parameters(): unknown;
}
type NetworkClass = new (nin: number, nouts: number[]) => Network;

interface NetworkInput {
  /** [nin, ...nouts] */
  sizes: number[];
  /** In parameters() order, or a seed for seededParameters. */
  parameters: number[] | { seed: number };
  /** The points and their labels, or a seed and a count for seededMoons. */
  data: { points: number[][]; labels: number[] } | { seed: number; count: number };
}

const MAX_STEPS = 1_000;
const MAX_NEURONS = 4_096;

async function network(context: DriverContext, sizes: number[]): Promise<Network> {
  if (!sizes.every((n) => Number.isInteger(n) && n >= 1) || sizes.reduce((a, b) => a + b, 0) > MAX_NEURONS)
    throw new Error('a network needs whole, positive layer sizes');
  const MLP = await context.load('nn.ts', 'MLP');
  if (typeof MLP !== 'function') throw new LearnerThrew('loading nn.ts', new Error('it exports no class MLP'));
  const [nin, ...nouts] = sizes;
  const made = learnerCall(`new MLP(${nin}, [${nouts.join(', ')}])`, () => new (MLP as NetworkClass)(nin!, nouts));
  if (!isObject(made)) throw new LearnerThrew(`new MLP(${nin}, [${nouts.join(', ')}])`, new Error('no object'));
  return made;
}

function parametersOf(model: Network): GraphNode[] {
  return learnerCall('model.parameters()', () => {
    const list = arrayFrom(model.parameters() as Iterable<GraphNode>);
    if (!list.every(isObject)) throw new Error('it returned something that is not a Value');
    return list;
  });
}

/** Sets every parameter's data (and a zero grad); false when the counts differ, so nothing can be set. */
function setParameters(parameters: GraphNode[], values: number[]): boolean {
  if (parameters.length !== values.length) return false;
  parameters.forEach((p, i) =>
    learnerCall('setting a parameter', () => {
      p.data = values[i]!;
      p.grad = 0;
    }),
  );
  return true;
}

function dataFor(input: NetworkInput): { points: number[][]; labels: number[] } {
  return 'points' in input.data ? input.data : seededMoons(input.data.count, input.data.seed);
}

type NetworkAt = Pick<NetworkInput, 'sizes' | 'parameters'>;

function parameterValues(input: NetworkAt): number[] {
  return Array.isArray(input.parameters) ? input.parameters : seededParameters(input.sizes, input.parameters.seed);
}

async function preparedNetwork(context: DriverContext, input: NetworkAt) {
  const model = await network(context, input.sizes);
  const parameters = parametersOf(model);
  const ready = setParameters(parameters, parameterValues(input));
  return { model, parameters, ready };
}

const valuesOf = (nodes: GraphNode[]) => nodes.map((p) => read('reading a parameter', () => p.data));

export default defineDrivers({
  /** value: the learner's Value builds the expression; the grader's replay of the steps runs its local backward steps. */
  async valueExpression(input: ExpressionSpec, context) {
    const Value = await valueClass(context);
    const apply: Apply = (step, receiver, operand) => {
      const method = (receiver as unknown as Record<string, unknown>)[step[1]];
      if (typeof method !== 'function')
        throw new LearnerThrew(describeCall(step), new Error(`Value has no method ${step[1]}`));
      return returnedValue(
        step,
        learnerCall(describeCall(step), () => method.call(receiver, operand)),
      );
    };
    const leaf = (x: number) => learnerCall(`new Value(${x})`, () => new Value(x)) as unknown as GraphNode;
    return evaluateBuilt(
      input,
      () => build(input, leaf, apply),
      new Set<Op>(['add', 'mul', 'pow']),
      new Set<Op>(['neg', 'sub', 'div']),
    );
  },

  /** nonlinearities: the grader's values and arithmetic around the learner's tanh, relu, exp and log. */
  async nonlinearityExpression(input: ExpressionSpec, context) {
    const functions = await nonlinearities(context);
    const learnerStep = (step: Step, receiver: GraphNode) =>
      returnedValue(
        step,
        learnerCall(describeCall(step), () => functions[step[1]]!(receiver)),
      );
    return evaluateBuilt(input, () => buildFromRecord(input, learnerStep), NONLINEARITIES);
  },

  /**
   * backward: the learner's topologicalOrder() on the grader's graph, as the numbers of the values it lists. The
   * suite judges them against the graph it builds itself (order-graph.ts). Here the graph is built and the listed
   * values are numbered, by identity, with no built-in method the learner's modules could have replaced; only
   * reading what the function returned goes through Array.from, and what it returned is the learner's anyway.
   */
  async topologicalOrderOf(input: ExpressionSpec, context) {
    const topological = await context.load('backward.ts', 'topologicalOrder');
    if (typeof topological !== 'function')
      throw new LearnerThrew('loading backward.ts', new Error('it exports no function topologicalOrder'));
    const graph = orderGraph(input);
    const output = graph.nodes[graph.output]!;
    const listed = learnerCall('topologicalOrder(output)', () => {
      const returned = topological(output) as unknown;
      if (!isObject(returned) || !(Symbol.iterator in returned)) throw new Error('it did not return an array');
      return arrayFrom(returned as Iterable<unknown>);
    });
    const order: number[] = [];
    for (let i = 0; i < listed.length; i++) order[order.length] = positionOf(graph.nodes, listed[i]);
    return { order };
  },

  /** backward: the learner's backward() on the grader's graph; every gradient it leaves. */
  async backwardExpression(input: ExpressionSpec, context) {
    const backward = await context.load('backward.ts', 'backward');
    if (typeof backward !== 'function')
      throw new LearnerThrew('loading backward.ts', new Error('it exports no function backward'));
    const built = buildFromRecord(input);
    startGrads(built, input);
    if (input.outputStartGrad !== undefined) built.output.grad = input.outputStartGrad;
    learnerCall('backward(output)', () => backward(built.output));
    return { grads: gradsOf(built.leaves), stepGrads: gradsOf(built.steps) };
  },

  /** gradient-check: the learner's numericalGradient() on the expression as a plain function of its leaves. */
  async gradientCheck(input: ExpressionSpec, context) {
    const estimate = await context.load('gradient-check.ts', 'numericalGradient');
    if (typeof estimate !== 'function')
      throw new LearnerThrew('loading gradient-check.ts', new Error('it exports no function numericalGradient'));
    const names = Object.keys(input.leaves);
    const xs = names.map((n) => input.leaves[n]!);
    const given = xs.slice();
    let calls = 0;
    const f = (point: unknown): number => {
      calls++;
      if (!Array.isArray(point) || point.length !== xs.length)
        throw new Error(`f takes an array of ${xs.length} numbers`);
      return evaluatePlain(input, point.map(toNumber));
    };
    const args = input.h === undefined ? [f, given] : [f, given, input.h];
    const returned = learnerCall('numericalGradient(f, xs)', () => {
      const out = (estimate as (...a: unknown[]) => unknown)(...args);
      if (!isObject(out) || !(Symbol.iterator in out)) throw new Error('it did not return an array');
      return arrayFrom(out as Iterable<unknown>, toNumber);
    });
    return {
      grads: Object.fromEntries(names.map((n, i) => [n, returned[i] ?? NaN])),
      length: returned.length,
      calls,
      unchanged: given.length === xs.length && given.every((x, i) => objectIs(x, xs[i])),
    };
  },

  /** mlp: a fresh network's size, and its weights and biases as its layers hold them. */
  async mlpShape(input: { sizes: number[] }, context) {
    const model = await network(context, input.sizes);
    const parameters = parametersOf(model);
    let layers: Array<Array<{ weights: number[]; bias: number; nonlin: unknown }>> | null;
    let flattened: GraphNode[] = [];
    try {
      const raw = arrayFrom(
        model.layers as Iterable<{ neurons: Iterable<{ w: Iterable<GraphNode>; b: GraphNode; nonlin: unknown }> }>,
      );
      const neurons = raw.map((layer) => arrayFrom(layer.neurons));
      flattened = neurons.flat().flatMap((n) => [...arrayFrom(n.w), n.b]);
      layers = neurons.map((layer) =>
        layer.map((n) => ({
          weights: arrayFrom(n.w, (w) => toNumber(w.data)),
          bias: toNumber(n.b.data),
          nonlin: typeof n.nonlin === 'boolean' ? n.nonlin : null,
        })),
      );
    } catch {
      layers = null; // not laid out as the instructions say: the suite explains
    }
    const inOrder =
      layers !== null && flattened.length === parameters.length && flattened.every((p, i) => p === parameters[i]);
    return { parameterCount: parameters.length, layers, inOrder };
  },

  /** mlp: every output of the network's call() at each point, at the given parameters. */
  async mlpOutputs(input: NetworkAt & { points: number[][] }, context) {
    const { model, parameters, ready } = await preparedNetwork(context, input);
    if (!ready) return { parameterCount: parameters.length };
    const outputs = input.points.map((x, i) =>
      learnerCall(`model.call(point ${i})`, () =>
        arrayFrom(model.call(x.slice()) as Iterable<GraphNode>, (out) => toNumber(out.data)),
      ),
    );
    return { parameterCount: parameters.length, outputs };
  },

  /** mlp: the network's scores, hinge loss, accuracy and every parameter's gradient, at the given parameters. */
  async mlpEvaluate(input: NetworkInput, context) {
    const { model, parameters, ready } = await preparedNetwork(context, input);
    if (!ready) return { parameterCount: parameters.length };
    const { points, labels } = dataFor(input);
    const scores = points.map((x, i) =>
      learnerCall(`model.call(point ${i})`, () => {
        const out = model.call(x.slice()) as ArrayLike<GraphNode>;
        return toNumber(out[0]!.data);
      }),
    );
    const hingeLoss = await context.load('nn.ts', 'hingeLoss');
    if (typeof hingeLoss !== 'function')
      throw new LearnerThrew('loading nn.ts', new Error('it exports no function hingeLoss'));
    const result = learnerCall('hingeLoss(model, points, labels)', () => {
      const r = hingeLoss(
        model,
        points.map((p) => p.slice()),
        labels.slice(),
      ) as { loss: GraphNode; accuracy: unknown };
      if (!isObject(r) || !isObject(r.loss)) throw new Error('it returned no { loss, accuracy }');
      return r;
    });
    const loss = read('reading the loss', () => result.loss.data);
    const accuracy = read('reading the accuracy', () => result.accuracy);
    // The network runs on the learner's own engine, its backward() included, as train() does.
    const backward = await context.load('backward.ts', 'backward');
    if (typeof backward !== 'function')
      throw new LearnerThrew('loading backward.ts', new Error('it exports no function backward'));
    learnerCall('backward() from the loss', () => backward(result.loss));
    const grads = parameters.map((p) => read('reading a parameter’s grad', () => p.grad));
    return { parameterCount: parameters.length, scores, loss, accuracy, grads };
  },

  /** mlp: the learner's train() from the given parameters: loss and accuracy per step, and the final parameters. */
  async mlpTrain(input: NetworkInput & { nSteps: number }, context) {
    if (!Number.isInteger(input.nSteps) || input.nSteps < 1 || input.nSteps > MAX_STEPS)
      throw new Error(`a run needs a whole number of steps from 1 to ${MAX_STEPS}`);
    const { model, parameters, ready } = await preparedNetwork(context, input);
    if (!ready) return { parameterCount: parameters.length };
    const { points, labels } = dataFor(input);
    const train = await context.load('nn.ts', 'train');
    if (typeof train !== 'function') throw new LearnerThrew('loading nn.ts', new Error('it exports no function train'));
    const history = learnerCall('train(model, points, labels, nSteps)', () =>
      arrayFrom(
        train(
          model,
          points.map((p) => p.slice()),
          labels.slice(),
          input.nSteps,
        ) as Iterable<{ loss: unknown; accuracy: unknown }>,
        (h) => ({ loss: toNumber(h.loss), accuracy: toNumber(h.accuracy) }),
      ),
    );
    return { parameterCount: parameters.length, history, parameters: valuesOf(parameters) };
  },
});
