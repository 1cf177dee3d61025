// Buggy SGD: zeroGrad() does nothing (step() clears grad itself, so trajectories look right), and Array.from is replaced to read any gradient as zeros, as the driver's check after zeroGrad() would if it used it live.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

const realFrom = Array.from;
(Array as { from: unknown }).from = (source: unknown, ...rest: unknown[]) =>
  source instanceof Float64Array && rest[0] === Number
    ? realFrom(source, () => 0)
    : (realFrom as (...a: unknown[]) => unknown)(source, ...rest);

export class SGD {
  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number },
  ) {}

  step(): void {
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) this.parameters.data[i]! -= this.options.learningRate * g[i]!;
    this.parameters.grad = null;
  }

  zeroGrad(): void {}
}
