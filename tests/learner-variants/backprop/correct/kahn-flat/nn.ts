// Correct engine: the network keeps its parameters in one flat list built once, in parameters() order.
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
    this.w = [];
    for (let i = 0; i < nin; i++) this.w.push(new Value(random() * 2 - 1));
    this.b = new Value(0);
  }
  call(x: Operand[]): Value {
    const terms = this.w.map((wi, i) => wi.mul(x[i]!));
    const act = terms.reduce((s, t) => s.add(t), this.b);
    return this.nonlin ? relu(act) : act;
  }
  parameters(): Value[] {
    return [...this.w, this.b];
  }
}

export class Layer {
  readonly neurons: Neuron[];
  constructor(nin: number, nout: number, nonlin = true, random: () => number = Math.random) {
    this.neurons = [];
    for (let j = 0; j < nout; j++) this.neurons.push(new Neuron(nin, nonlin, random));
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
  private readonly all: Value[];
  constructor(nin: number, nouts: number[], random: () => number = Math.random) {
    this.layers = [];
    let size = nin;
    for (let i = 0; i < nouts.length; i++) {
      this.layers.push(new Layer(size, nouts[i]!, i !== nouts.length - 1, random));
      size = nouts[i]!;
    }
    this.all = this.layers.flatMap((l) => l.parameters());
  }
  call(x: Operand[]): Value[] {
    let values: Operand[] = x;
    for (const layer of this.layers) values = layer.call(values);
    return values as Value[];
  }
  parameters(): Value[] {
    return this.all.slice();
  }
}

export function hingeLoss(model: MLP, points: number[][], labels: number[]): { loss: Value; accuracy: number } {
  const n = points.length;
  let loss = new Value(0);
  let hits = 0;
  for (let i = 0; i < n; i++) {
    const s = model.call(points[i]!)[0]!;
    loss = loss.add(relu(s.mul(labels[i]!).neg().add(1)).mul(1 / n));
    if (Math.sign(s.data) === labels[i]) hits++;
  }
  for (const p of model.parameters()) loss = loss.add(p.mul(p).mul(1e-4));
  return { loss, accuracy: hits / n };
}

export function learningRate(k: number): number {
  return 1.0 - (0.9 * k) / 100;
}

export function trainingStep(
  model: MLP,
  points: number[][],
  labels: number[],
  k: number,
): { loss: number; accuracy: number } {
  const { loss, accuracy } = hingeLoss(model, points, labels);
  const ps = model.parameters();
  for (const p of ps) p.grad = 0;
  backward(loss);
  for (const p of ps) p.data = p.data - learningRate(k) * p.grad;
  return { loss: loss.data, accuracy };
}

export function train(
  model: MLP,
  points: number[][],
  labels: number[],
  nSteps: number,
): Array<{ loss: number; accuracy: number }> {
  const out: Array<{ loss: number; accuracy: number }> = [];
  for (let k = 0; k < nSteps; k++) out.push(trainingStep(model, points, labels, k));
  return out;
}
