// Adversarial: leaves a value on the global object for the next session to find.
export function act(): number {
  (globalThis as any).carried = { from: 'the session before' };
  return 1;
}
