// Correct engine: the network with plain loops and the loss summed in place.
import { backward } from './backward.js';
import { relu } from './nonlinearities.js';
import { Value, type Operand } from './value.js';

export class Neuron {
  readonly w: Value[] = [];
  readonly b = new Value(0);
  constructor(
    nin: number,
    readonly nonlin = true,
    random: () => number = Math.random,
  ) {
    for (let i = 0; i < nin; i++) this.w.push(new Value(2 * random() - 1));
  }
  call(x: Operand[]): Value {
    let sum = this.b;
    for (let i = 0; i < this.w.length; i++) sum = sum.add(this.w[i]!.mul(x[i]!));
    return this.nonlin ? relu(sum) : sum;
  }
  parameters(): Value[] {
    return this.w.concat([this.b]);
  }
}

export class Layer {
  readonly neurons: Neuron[] = [];
  constructor(nin: number, nout: number, nonlin = true, random: () => number = Math.random) {
    for (let j = 0; j < nout; j++) this.neurons.push(new Neuron(nin, nonlin, random));
  }
  call(x: Operand[]): Value[] {
    return this.neurons.map((n) => n.call(x));
  }
  parameters(): Value[] {
    const all: Value[] = [];
    for (const n of this.neurons) all.push(...n.parameters());
    return all;
  }
}

export class MLP {
  readonly layers: Layer[] = [];
  constructor(nin: number, nouts: number[], random: () => number = Math.random) {
    let inputs = nin;
    nouts.forEach((nout, i) => {
      this.layers.push(new Layer(inputs, nout, i < nouts.length - 1, random));
      inputs = nout;
    });
  }
  call(x: Operand[]): Value[] {
    let out: Operand[] = x;
    for (const layer of this.layers) out = layer.call(out);
    return out as Value[];
  }
  parameters(): Value[] {
    return this.layers.flatMap((l) => l.parameters());
  }
}

export function hingeLoss(model: MLP, points: number[][], labels: number[]): { loss: Value; accuracy: number } {
  let total = new Value(0);
  let accuracy = 0; // summed a point at a time: a few ulps off the count over N
  points.forEach((x, i) => {
    const score = model.call(x)[0]!;
    total = total.add(relu(new Value(1).sub(score.mul(labels[i]!))));
    if (Math.sign(score.data) === labels[i]) accuracy += 1 / points.length;
  });
  let squares = new Value(0);
  for (const p of model.parameters()) squares = squares.add(p.pow(2));
  return { loss: total.div(points.length).add(squares.mul(1e-4)), accuracy };
}

export function learningRate(k: number): number {
  return 1 - 0.009 * k;
}

export function trainingStep(
  model: MLP,
  points: number[][],
  labels: number[],
  k: number,
): { loss: number; accuracy: number } {
  const { loss, accuracy } = hingeLoss(model, points, labels);
  const parameters = model.parameters();
  parameters.forEach((p) => (p.grad = 0));
  backward(loss);
  const rate = learningRate(k);
  parameters.forEach((p) => (p.data -= rate * p.grad));
  return { loss: loss.data, accuracy };
}

export function train(
  model: MLP,
  points: number[][],
  labels: number[],
  nSteps: number,
): Array<{ loss: number; accuracy: number }> {
  return Array.from({ length: nSteps }, (_, k) => trainingStep(model, points, labels, k));
}
