// The grader's own scalar engine, correct by construction, for the parts of a graph a suite does not test: the
// backward exercise runs the learner's backward() over these values, the nonlinearities exercise mixes them with
// the learner's functions. It builds the graph the fixture generator simulates (neg = a·(−1), a − b = a + (−b),
// a / b = a·b⁻¹), so the generator's mistakes match what a learner's code would do on it.
import type { Op } from './expression.js';

/** What any value of a graph offers, the learner's or the grader's. */
export interface GraphNode {
  data: number;
  grad: number;
  children: Iterable<GraphNode>;
  localBackward(): void;
}

export class GraderValue implements GraphNode {
  grad = 0;
  localBackward: () => void = () => {};
  constructor(
    public data: number,
    readonly children: GraphNode[] = [],
  ) {}
}
// Learner code is handed these values (its nonlinearities take them, its backward() walks them), and the class
// outlives a session in a process kept for the submission's next one, where the look between sessions covers only
// the built-ins: frozen, it cannot carry what one session saw (a hidden test's inputs) to another.
Object.freeze(GraderValue.prototype);
Object.freeze(GraderValue);

const asNode = (x: GraphNode | number): GraphNode => (typeof x === 'number' ? new GraderValue(x) : x);
// A learner's value may hold anything: its numbers are read as numbers, every time.
const num = (x: GraphNode): number => Number(x.data);

function made(data: number, children: GraphNode[], local: (out: GraderValue) => void): GraderValue {
  const out = new GraderValue(data, children);
  out.localBackward = () => local(out);
  return out;
}

export const graderOps: Record<Op, (a: GraphNode, b?: GraphNode | number) => GraphNode> = {
  add(a, other) {
    const b = asNode(other!);
    return made(num(a) + num(b), [a, b], (out) => {
      a.grad = Number(a.grad) + out.grad;
      b.grad = Number(b.grad) + out.grad;
    });
  },
  mul(a, other) {
    const b = asNode(other!);
    return made(num(a) * num(b), [a, b], (out) => {
      a.grad = Number(a.grad) + num(b) * out.grad;
      b.grad = Number(b.grad) + num(a) * out.grad;
    });
  },
  pow(a, k) {
    const exponent = Number(k);
    return made(num(a) ** exponent, [a], (out) => {
      a.grad = Number(a.grad) + exponent * num(a) ** (exponent - 1) * out.grad;
    });
  },
  neg: (a) => graderOps.mul(a, -1),
  sub: (a, b) => graderOps.add(a, graderOps.neg(asNode(b!))),
  div: (a, b) => graderOps.mul(a, graderOps.pow(asNode(b!), -1)),
  tanh(a) {
    const t = Math.tanh(num(a));
    return made(t, [a], (out) => {
      a.grad = Number(a.grad) + (1 - t ** 2) * out.grad;
    });
  },
  relu(a) {
    return made(num(a) > 0 ? num(a) : 0, [a], (out) => {
      a.grad = Number(a.grad) + (out.data > 0 ? 1 : 0) * out.grad;
    });
  },
  exp(a) {
    return made(Math.exp(num(a)), [a], (out) => {
      a.grad = Number(a.grad) + out.data * out.grad;
    });
  },
  log(a) {
    return made(Math.log(num(a)), [a], (out) => {
      a.grad = Number(a.grad) + out.grad / num(a);
    });
  },
};
