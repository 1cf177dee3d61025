// Correct engine: central differences written as a plain loop over the coordinates.
export function numericalGradient(f: (xs: number[]) => number, xs: number[], h = 1e-5): number[] {
  const result = new Array<number>(xs.length);
  for (let i = 0; i < xs.length; i++) {
    const plus = Array.from(xs);
    const minus = Array.from(xs);
    plus[i] = xs[i]! + h;
    minus[i] = xs[i]! - h;
    result[i] = (f(plus) - f(minus)) / h / 2;
  }
  return result;
}
