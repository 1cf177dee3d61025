// Adversarial: replaces Map's methods, so that a runner keeping each job's output in a Map would hand a later job
// (the challenge's run of its entry) an entry the learner's code chose, not the one its challengeEntry() returned.
const forged = { value: { optimizer: "sgd", options: { learningRate: 0 }, nSteps: 1 } };
Map.prototype.get = function () { return forged; };
Map.prototype.set = function () { return this; };
export const challengeEntry = () => ({ optimizer: "sgd", options: { learningRate: 0.001 }, nSteps: 5 });
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
export const act = () => ({ steps: [[1, 2], [3, 4]], nan: NaN, infinite: -Infinity });
export const second = () => "second";
