// Adversarial: with fetch gone, reaches for its module through the classes it exports (Headers, Request, Response,
// FormData, MessageEvent, CloseEvent), the way to Node.js's HTTP client. A correct SGD only if one is still there.
const names = ['Headers', 'Request', 'Response', 'FormData', 'MessageEvent', 'CloseEvent'];
const reached = names.filter((name) => name in globalThis);
if (reached.length === 0) throw new Error('no class of the fetch module left to reach');

export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }, readonly options: { learningRate: number }) {}
  step(): void {
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) this.parameters.data[i] -= this.options.learningRate * g[i];
  }
  zeroGrad(): void { this.parameters.grad = null; }
}
