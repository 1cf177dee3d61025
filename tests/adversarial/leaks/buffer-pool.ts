// Adversarial: a hidden test's input kept in the memory of Buffer's shared pool, which outlives a session.
const pool = (): ArrayBuffer => (globalThis as any).Buffer.from([1]).buffer;
export function keep(secret: number): number {
  new Float64Array(pool(), pool().byteLength - 8, 1)[0] = secret;
  return 1;
}
export const find = (): unknown => new Float64Array(pool(), pool().byteLength - 8, 1)[0];
