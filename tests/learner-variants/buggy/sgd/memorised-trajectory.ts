// Buggy SGD: special-cases the workshop test (start (−1, 2), lr 0.001) by replaying a precomputed table, and is wrong elsewhere.
interface Parameter {
  data: Float64Array;
  grad: Float64Array | null;
}

const WORKSHOP_RATE = 0.001;

/** The workshop's 100 positions, computed once with its own copy of the banana gradient (grad is never read). */
function workshopTable(): [number, number][] {
  const rows: [number, number][] = [];
  let [x, y] = [-1, 2];
  for (let k = 0; k <= 100; k++) {
    rows.push([x, y]);
    const gx = -2 * (1 - x) - 400 * x * (y - x * x);
    const gy = 200 * (y - x * x);
    [x, y] = [x - WORKSHOP_RATE * gx, y - WORKSHOP_RATE * gy];
  }
  return rows;
}

export class SGD {
  private readonly table: [number, number][] | null;
  private row = 0;

  constructor(
    readonly parameters: Parameter,
    readonly options: { learningRate: number },
  ) {
    const [x, y] = parameters.data;
    this.table = options.learningRate === WORKSHOP_RATE && x === -1 && y === 2 ? workshopTable() : null;
  }

  step(): void {
    if (this.table) {
      this.row += 1;
      this.parameters.data.set(this.table[this.row]!);
      return;
    }
    // Anything else: a half-hearted guess.
    const g = this.parameters.grad!;
    for (let i = 0; i < g.length; i++) this.parameters.data[i] -= 0.5 * this.options.learningRate * g[i]!;
  }

  zeroGrad(): void {
    this.parameters.grad = null;
  }
}
