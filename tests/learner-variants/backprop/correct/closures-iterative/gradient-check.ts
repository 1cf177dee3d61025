// Correct engine: central differences, nudging one shared copy and restoring it.
export function numericalGradient(f: (xs: number[]) => number, xs: number[], h = 1e-5): number[] {
  const x = [...xs];
  const grad: number[] = [];
  for (let i = 0; i < x.length; i++) {
    const keep = x[i]!;
    x[i] = keep + h;
    const up = f([...x]);
    x[i] = keep - h;
    const down = f([...x]);
    x[i] = keep;
    grad.push((up - down) / (2 * h));
  }
  return grad;
}
