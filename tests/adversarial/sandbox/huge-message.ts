// Adversarial: throws an exception with a 4 MB message, hoping to bloat the report beyond use.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
throw new Error("A".repeat(4 * 1024 * 1024));
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
