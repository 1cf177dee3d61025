// Adversarial: prints megabytes on every step, but is otherwise a correct SGD.
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }, readonly options: { learningRate: number }) {}
  step(): void {
    console.log('x'.repeat(100_000));
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) this.parameters.data[i] -= this.options.learningRate * g[i];
  }
  zeroGrad(): void { this.parameters.grad = null; }
}
