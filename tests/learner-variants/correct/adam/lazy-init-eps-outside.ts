// Correct Adam: moments and step counter created on the first step(), ε outside the root.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

interface State {
  t: number;
  a: Float64Array;
  r: Float64Array;
}

export class Adam {
  private state: State | undefined;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number; momentumGrad: number; momentumGradSquared: number; epsilon: number },
  ) {}

  step(): void {
    const grad = this.parameters.grad;
    if (!grad) throw new Error('no gradient');
    const s = (this.state ??= { t: 0, a: new Float64Array(grad.length), r: new Float64Array(grad.length) });
    const { learningRate, momentumGrad, momentumGradSquared, epsilon } = this.options;
    s.t += 1;
    const correction1 = 1 - momentumGrad ** s.t;
    const correction2 = 1 - momentumGradSquared ** s.t;
    for (let i = 0; i < grad.length; i++) {
      s.a[i] = momentumGrad * s.a[i]! + (1 - momentumGrad) * grad[i]!;
      s.r[i] = momentumGradSquared * s.r[i]! + (1 - momentumGradSquared) * grad[i]! ** 2;
      this.parameters.data[i] -=
        (learningRate * (s.a[i]! / correction1)) / (Math.sqrt(s.r[i]! / correction2) + epsilon);
    }
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
