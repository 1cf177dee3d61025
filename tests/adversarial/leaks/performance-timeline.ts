// Adversarial: a hidden test's input kept in the performance timeline, which outlives a session.
export function keep(secret: number): number {
  performance.mark("seen", { detail: secret });
  return 1;
}
export const find = (): unknown => (performance.getEntriesByName("seen")[0] as PerformanceMark | undefined)?.detail;
