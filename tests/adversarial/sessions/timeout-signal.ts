// Adversarial: AbortSignal.timeout's timer keeps no process alive; its listener acts during the next session.
export function act(): number {
  AbortSignal.timeout(300).addEventListener('abort', () => { (globalThis as any).seen = [0.123456789]; });
  return 1;
}
