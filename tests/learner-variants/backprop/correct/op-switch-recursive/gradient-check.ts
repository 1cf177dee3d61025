// Correct engine: central differences with map over fresh copies.
export function numericalGradient(f: (xs: number[]) => number, xs: number[], h = 1e-5): number[] {
  const at = (i: number, d: number) => xs.map((x, j) => (j === i ? x + d : x));
  return xs.map((_, i) => (f(at(i, h)) - f(at(i, -h))) / (2 * h));
}
