// Data a job can ask for by seed instead of carrying it (reveal probes, whose inputs ship in the kit): a
// network's initial parameters and a two-moons data set, from a small seeded generator. Suites send PyTorch's.

/** mulberry32: a tiny seeded generator of numbers in [0, 1). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** In parameters() order: neuron after neuron, weights uniform in [−1, 1] then a zero bias, layer after layer. */
export function seededParameters(sizes: readonly number[], seed: number): number[] {
  const random = seededRandom(seed);
  const flat: number[] = [];
  for (let l = 1; l < sizes.length; l++) {
    for (let j = 0; j < sizes[l]!; j++) {
      for (let i = 0; i < sizes[l - 1]!; i++) flat.push(random() * 2 - 1);
      flat.push(0);
    }
  }
  return flat;
}

/** Two moons as the fixtures draw them, with Box–Muller noise of standard deviation 0.1. */
export function seededMoons(count: number, seed: number): { points: number[][]; labels: number[] } {
  const random = seededRandom(seed);
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const half = Math.floor(count / 2);
  const points: number[][] = [];
  const labels: number[] = [];
  for (let i = 0; i < count; i++) {
    const outer = i < half;
    const n = outer ? half : count - half;
    const k = outer ? i : i - half;
    const t = n > 1 ? (Math.PI * k) / (n - 1) : 0;
    const [x, y] = outer ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 1 - Math.sin(t) - 0.5];
    points.push([x + 0.1 * gaussian(), y + 0.1 * gaussian()]);
    labels.push(outer ? -1 : 1);
  }
  return { points, labels };
}
