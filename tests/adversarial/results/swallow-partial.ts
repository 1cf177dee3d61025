// Adversarial: a setter on Object.prototype for `output`, so that a runner adding a failed job's partial output to
// its result by assignment would hand it to the learner's code instead: the grader would see no trajectory, and
// could not say where it left PyTorch's. Its SGD throws at the third step.
try { Object.defineProperty(Object.prototype, "output", { configurable: true, set() {}, get() { return undefined; } }); } catch {}
// One place no result comes from is open: the realm is changed, and the process must go.
Object.defineProperty(Map.prototype, "marker", { value: 1, configurable: true });
export class SGD {
  private steps = 0;
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }, readonly options: { learningRate: number }) {}
  step(): void {
    if (++this.steps === 3) throw new Error("stopped on purpose");
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) this.parameters.data[i] -= this.options.learningRate * g[i];
  }
  zeroGrad(): void { this.parameters.grad = null; }
}
export const act = () => ({ steps: [[1, 2], [3, 4]], nan: NaN, infinite: -Infinity });
export const second = () => "second";
