// Adversarial: ends the process with success from inside step().
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void { process.exit(0); }
  zeroGrad(): void { this.parameters.grad = null; }
}
