// Correct RMSprop: mean square in a Float32Array, ε outside the root (PyTorch's √r + ε).
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

export class RMSprop {
  r: Float32Array;

  constructor(
    public parameters: Parameter,
    public options: { learningRate: number; momentum: number; epsilon: number },
  ) {
    this.r = new Float32Array(parameters.data.length);
  }

  step(): void {
    const g = this.parameters.grad!;
    const { learningRate, momentum, epsilon } = this.options;
    for (let i = 0; i < this.r.length; i++) {
      this.r[i] = momentum * this.r[i]! + (1 - momentum) * Math.pow(g[i]!, 2);
      this.parameters.data[i] -= (learningRate * g[i]!) / (Math.sqrt(this.r[i]!) + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
