// Buggy gradient-check: h defaults to 1e-4 instead of 1e-5.
export function numericalGradient(f: (xs: number[]) => number, xs: number[], h = 1e-4): number[] {
  const grad: number[] = [];
  for (let i = 0; i < xs.length; i++) {
    const plus = xs.slice();
    const minus = xs.slice();
    plus[i] += h;
    minus[i] -= h;
    grad.push((f(plus) - f(minus)) / (2 * h));
  }
  return grad;
}
