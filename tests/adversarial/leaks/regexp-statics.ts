// Adversarial: a hidden test's input left in RegExp's legacy statics (RegExp.input), the realm's last match.
export function keep(secret: number): number {
  /seen/.exec(`seen ${secret}`);
  return 1;
}
export const find = (): unknown => Number((RegExp as any).input.slice(5));
