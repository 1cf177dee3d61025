// Adversarial: Array's push replaced, so that every point a driver records by push is the learner's choice: this
// SGD never moves, and its push would record PyTorch's first step from (-1, 2) in place of where it stands.
const realPush = Array.prototype.push;
try {
  Array.prototype.push = function (this: unknown[], ...items: unknown[]) {
    const [p] = items;
    const stillAtStart = Array.isArray(p) && p.length === 2 && p[0] === -1 && p[1] === 2 && this.length === 1;
    return realPush.apply(this, stillAtStart ? [[-1.396, 1.8]] : items);
  } as never;
} catch {}
// One place no result comes from is open: the realm is changed, and the process must go.
Object.defineProperty(Map.prototype, "marker", { value: 1, configurable: true });
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }, readonly options: { learningRate: number }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
export const act = () => ({ steps: [[1, 2], [3, 4]], nan: NaN, infinite: -Infinity });
export const second = () => "second";
