// Correct engine: the network written with reduce and flatMap, the margins summed pairwise.
import { backward } from './backward.js';
import { relu } from './nonlinearities.js';
import { Value, type Operand } from './value.js';

export class Neuron {
  readonly w: Value[];
  readonly b: Value;
  constructor(
    nin: number,
    readonly nonlin = true,
    random: () => number = Math.random,
  ) {
    this.w = Array.from({ length: nin }, () => new Value(random() * 2 - 1));
    this.b = new Value(0);
  }
  call(x: Operand[]): Value {
    const act = x.reduce<Value>((sum, xi, i) => sum.add(this.w[i]!.mul(xi)), this.b);
    return this.nonlin ? relu(act) : act;
  }
  parameters(): Value[] {
    return [...this.w, this.b];
  }
}

export class Layer {
  readonly neurons: Neuron[];
  constructor(nin: number, nout: number, nonlin = true, random: () => number = Math.random) {
    this.neurons = Array.from({ length: nout }, () => new Neuron(nin, nonlin, random));
  }
  call(x: Operand[]): Value[] {
    return this.neurons.map((n) => n.call(x));
  }
  parameters(): Value[] {
    return this.neurons.flatMap((n) => n.parameters());
  }
}

export class MLP {
  readonly layers: Layer[];
  constructor(nin: number, nouts: number[], random: () => number = Math.random) {
    const sizes = [nin, ...nouts];
    this.layers = nouts.map((_, i) => new Layer(sizes[i]!, sizes[i + 1]!, i + 1 < nouts.length, random));
  }
  call(x: Operand[]): Value[] {
    return this.layers.reduce<Operand[]>((values, layer) => layer.call(values), x) as Value[];
  }
  parameters(): Value[] {
    return this.layers.flatMap((l) => l.parameters());
  }
}

/** Adds a list of values pairwise, a different order of summation from left to right. */
function sum(values: Value[]): Value {
  if (values.length === 0) return new Value(0);
  if (values.length === 1) return values[0]!;
  const half = values.length >> 1;
  return sum(values.slice(0, half)).add(sum(values.slice(half)));
}

export function hingeLoss(model: MLP, points: number[][], labels: number[]): { loss: Value; accuracy: number } {
  const scores = points.map((x) => model.call(x)[0]!);
  const data = sum(scores.map((s, i) => relu(s.mul(-labels[i]!).add(1)))).div(points.length);
  const reg = sum(model.parameters().map((p) => p.mul(p))).mul(1e-4);
  const accuracy = scores.filter((s, i) => Math.sign(s.data) === labels[i]).length / points.length;
  return { loss: data.add(reg), accuracy };
}

export const learningRate = (k: number): number => 1.0 - (0.9 * k) / 100;

export function trainingStep(
  model: MLP,
  points: number[][],
  labels: number[],
  k: number,
): { loss: number; accuracy: number } {
  const { loss, accuracy } = hingeLoss(model, points, labels);
  for (const p of model.parameters()) p.grad = 0;
  backward(loss);
  for (const p of model.parameters()) p.data -= learningRate(k) * p.grad;
  return { loss: loss.data, accuracy };
}

export function train(
  model: MLP,
  points: number[][],
  labels: number[],
  nSteps: number,
): Array<{ loss: number; accuracy: number }> {
  const history: Array<{ loss: number; accuracy: number }> = [];
  for (let k = 0; k < nSteps; k++) history.push(trainingStep(model, points, labels, k));
  return history;
}
