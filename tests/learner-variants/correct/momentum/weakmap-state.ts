// Correct Momentum: a module-level WeakMap holds the velocity, but keyed by instance, so nothing is shared.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

const velocities = new WeakMap<object, Float64Array>();

export class Momentum {
  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentum: number },
  ) {
    velocities.set(this, new Float64Array(parameters.data.length));
  }

  step(): void {
    const a = velocities.get(this)!;
    const g = this.parameters.grad;
    if (!g) throw new Error('no gradient');
    const { learningRate, momentum } = this.options;
    for (let i = 0; i < a.length; i++) {
      a[i] = momentum * a[i]! + (1 - momentum) * g[i]!;
      this.parameters.data[i] -= learningRate * a[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
