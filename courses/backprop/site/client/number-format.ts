// Numbers as the widgets print them: short enough to fit a graph's box, with a true minus sign, and with more
// digits only when the short forms of two numbers that differ would look the same.

const minus = (text: string): string => text.replace('-', '−');

export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x !== 0 && (Math.abs(x) >= 1e5 || Math.abs(x) < 1e-3)) return minus(x.toExponential(2));
  return minus(String(Number(x.toFixed(4))));
}

/** `x` in a form that differs from `other`'s whenever the numbers do. */
export function formatApart(x: number, other: number): string {
  const short = formatNumber(x);
  return short !== formatNumber(other) || x === other ? short : minus(String(Number(x.toPrecision(12))));
}
