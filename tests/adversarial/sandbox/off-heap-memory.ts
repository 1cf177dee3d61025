// Adversarial: allocates memory off the JavaScript heap, which the heap limit does not see.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
const hoard: ArrayBuffer[] = [];
for (let i = 0; i < 200; i++) hoard.push(new ArrayBuffer(64 * 1024 * 1024));
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
