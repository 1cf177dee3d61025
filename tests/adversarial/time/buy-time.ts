// Adversarial: tries to buy more time than its limit. The grader gives a session back the time it waited for a CPU;
// this keeps threads of its own process busy beside its main thread (key derivations on the thread pool, where Web
// Crypto is there, and the garbage collector's helpers marking a heap that keeps changing), so that its main thread
// waits for a CPU, and never ends. What is given back must stop at the limit again.
const subtle: any = (globalThis as any).crypto?.subtle;
if (subtle) {
  const key = await subtle.importKey("raw", new Uint8Array(16), "PBKDF2", false, ["deriveBits"]).catch(() => undefined);
  const slow = { name: "PBKDF2", hash: "SHA-256", salt: new Uint8Array(16), iterations: 100_000_000 };
  if (key) for (let k = 0; k < 8; k++) subtle.deriveBits(slow, key, 256).catch(() => undefined);
}
const heap: unknown[][] = [];
for (let round = 0; ; round++) {
  heap.push(new Array(10_000).fill({ round }));
  if (heap.length > 1_000) heap.length = 0;
}
export class SGD {}
