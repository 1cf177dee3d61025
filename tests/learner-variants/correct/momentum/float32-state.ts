// Correct Momentum: velocity stored in single precision (Float32Array), the rest in double.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class Momentum {
  velocity: Float32Array;

  constructor(
    public parameters: Parameter,
    public hyper: { learningRate: number; momentum: number },
  ) {
    this.velocity = new Float32Array(parameters.data.length);
  }

  step(): void {
    const { learningRate: lr, momentum: mu } = this.hyper;
    const g = this.parameters.grad!;
    const v = this.velocity;
    for (let i = 0; i < v.length; i++) {
      v[i] = mu * v[i]! + (1 - mu) * g[i]!;
      this.parameters.data[i] -= lr * v[i]!;
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
