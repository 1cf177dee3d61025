// Adversarial: throws a forged "learner threw" error, branded as the grader's own drivers brand theirs, whose
// partial output is a made-up trajectory that never leaves the start, and whose `during` and getters try to
// crash the runner while it describes the failure. A failure with any output must still be a failure.
const BRAND = Symbol.for("grader.learner-threw");
const forged = () => {
  const error: any = new Error("forged");
  error[BRAND] = true;
  error.partial = Array.from({ length: 500 }, () => [-1, 2]);
  Object.defineProperty(error, "during", { get() { throw new Error("no during for you"); } });
  Object.defineProperty(error, "cause", { get() { return { get name() { throw new Error("no name"); } }; } });
  return error;
};
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void { throw forged(); }
  zeroGrad(): void { this.parameters.grad = null; }
}
