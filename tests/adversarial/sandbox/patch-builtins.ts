// Adversarial: patches Math, Number and typed-array methods at load, hoping the comparison uses them; never moves.
Math.abs = () => 0;
Number.isFinite = () => true;
try { Array.prototype.some = () => false; } catch {} // Array's methods are fixed before learner code loads
Float64Array.prototype.fill = function () { return this; };
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }, readonly options: { learningRate: number }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
