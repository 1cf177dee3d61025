// Buggy gradient-check: adds 1 to every entry of the caller's xs, and replaces Object.is, which the driver's "xs comes back unchanged" check would use if it read it live.
(Object as { is: (a: unknown, b: unknown) => boolean }).is = () => true;

export function numericalGradient(f: (xs: number[]) => number, xs: number[], h = 1e-5): number[] {
  const out = xs.map((_, i) => {
    const plus = xs.slice();
    const minus = xs.slice();
    plus[i]! += h;
    minus[i]! -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
  for (let i = 0; i < xs.length; i++) xs[i] = xs[i]! + 1;
  return out;
}
