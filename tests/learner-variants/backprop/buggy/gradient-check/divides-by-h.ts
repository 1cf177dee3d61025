// Buggy gradient-check: the central difference divided by h instead of 2h.

/** ∂f/∂xᵢ for every i, by central differences (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h; xs comes back unchanged. */
export function numericalGradient(f: (xs: number[]) => number, xs: number[], h = 1e-5): number[] {
  return xs.map((_, i) => {
    const plus = xs.slice();
    const minus = xs.slice();
    plus[i]! += h;
    minus[i]! -= h;
    return (f(plus) - f(minus)) / h;
  });
}
