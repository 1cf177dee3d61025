// Adversarial: searches the temporary folder for the grader's broker socket, and asks it to run a sandbox with an
// hour's time limit and the fixture files as learner modules.
// Reaches for `process` whichever way is left: the global, or an import the bundler cannot see.
const proc: any = (globalThis as any).process ?? (await import(["node", "process"].join(":")).catch(() => undefined))?.default;
const builtin = async (name: string): Promise<any> => proc?.getBuiltinModule?.(name) ?? (await import(["node", name].join(":")).catch(() => undefined));
const fs = await builtin("fs");
const net = await builtin("net");
const os = await builtin("os");
try {
  const dir = os?.tmpdir?.() ?? "/tmp";
  for (const name of fs?.readdirSync(dir) ?? []) {
    if (!String(name).endsWith(".sock")) continue;
    const socket = net.connect(`${dir}/${name}`);
    socket.on("error", () => {});
    socket.write(JSON.stringify({ dir: "/", shownAs: "x", course: "optimizers", required: [], optional: [], jobs: [], timeLimitMs: 3_600_000 }) + "\n");
  }
} catch { /* denied */ }
try { const channel = new (globalThis as any).BroadcastChannel("grader-sandbox-broker"); channel.postMessage({ kind: "request" }); channel.close(); } catch { /* no channel */ }
export class SGD {
  constructor(readonly parameters: { data: Float64Array; grad: Float64Array | null }) {}
  step(): void {}
  zeroGrad(): void { this.parameters.grad = null; }
}
