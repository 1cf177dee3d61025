// Adversarial: leaves a timer running after its session, to act during the submission's next session.
export function act(): number {
  setInterval(() => { (globalThis as any).lastTick = Date.now(); }, 1);
  return 1;
}
