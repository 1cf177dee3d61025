// Buggy nn: the accuracy compares score > 0 with label > 0, so a score of exactly 0 counts as right for −1.
import { Value, type Operand } from './value.js';
import { relu } from './nonlinearities.js';
import { backward } from './backward.js';

export type Random = () => number;

export const REGULARISATION = 1e-4;

export class Neuron {
  readonly w: Value[];
  readonly b: Value;

  constructor(
    nin: number,
    readonly nonlin = true,
    random: Random = Math.random,
  ) {
    this.w = [];
    for (let i = 0; i < nin; i++) this.w.push(new Value(random() * 2 - 1));
    this.b = new Value(0);
  }

  call(x: Operand[]): Value {
    let act = this.b;
    for (let i = 0; i < this.w.length; i++) act = act.add(this.w[i].mul(x[i]));
    return this.nonlin ? relu(act) : act;
  }

  parameters(): Value[] {
    return [...this.w, this.b];
  }
}

export class Layer {
  readonly neurons: Neuron[];

  constructor(nin: number, nout: number, nonlin = true, random: Random = Math.random) {
    this.neurons = [];
    for (let i = 0; i < nout; i++) this.neurons.push(new Neuron(nin, nonlin, random));
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

  constructor(nin: number, nouts: number[], random: Random = Math.random) {
    const sizes = [nin, ...nouts];
    this.layers = [];
    for (let i = 0; i < nouts.length; i++) {
      this.layers.push(new Layer(sizes[i], sizes[i + 1], i !== nouts.length - 1, random));
    }
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
  const scores = points.map((p) => model.call(p)[0]);
  let dataLoss = new Value(0);
  for (let i = 0; i < scores.length; i++) {
    dataLoss = dataLoss.add(relu(scores[i].mul(-labels[i]).add(1)));
  }
  dataLoss = dataLoss.div(points.length);
  let reg = new Value(0);
  for (const p of model.parameters()) reg = reg.add(p.mul(p));
  const loss = dataLoss.add(reg.mul(REGULARISATION));
  let correct = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i].data > 0 === labels[i] > 0) correct++;
  return { loss, accuracy: correct / points.length };
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
  const params = model.parameters();
  for (const p of params) p.grad = 0;
  backward(loss);
  const lr = learningRate(k);
  for (const p of params) p.data -= lr * p.grad;
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
