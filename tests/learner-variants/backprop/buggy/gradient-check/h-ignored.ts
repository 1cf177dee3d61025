// Buggy gradient-check: nudges by 1e-5 whatever h the caller passes.
export function numericalGradient(f: (xs: number[]) => number, xs: number[], h = 1e-5): number[] {
  const grad: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const plus = xs.slice();
    const minus = xs.slice();
    plus[i] += 1e-5;
    minus[i] -= 1e-5;
    grad.push((f(plus) - f(minus)) / (2 * 1e-5));
  }
  return grad;
}
