// The network the mlp page trains, in the reference and in the learner's code alike: the grader's own training case
// (its layer sizes, initial weights and two-moons points), for more steps than the grader takes, so that a decision
// boundary has time to form, and the grid over which the trained network's score is mapped.

/** Steps of gradient descent on the page; learningRate(k) of nn.ts stays positive until step 111. */
export const DEMO_STEPS = 100;
/** Cells per side of the decision-boundary map: each is one forward pass of the learner's network. */
export const GRID_CELLS = 32;
/** Room around the points, as a share of their extent, so the boundary shows where no point lies. */
const MARGIN = 0.15;

export interface History {
  loss: number;
  accuracy: number;
}

/** The square grid of cell centres: row by row, from the top (largest y) down, each row left to right. */
export interface Grid {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
  cells: number;
}

/** What the browser gets (the `backprop-network` data module): the run's settings and the reference's results. */
export interface NetworkData {
  /** [nin, ...nouts] */
  sizes: number[];
  /** Initial weights and biases, in parameters() order. */
  parameters: number[];
  points: number[][];
  labels: number[];
  nSteps: number;
  /** How many steps the grader's own case takes (it checks them against PyTorch). */
  graderSteps: number;
  grid: Grid;
  reference: {
    /** Loss and accuracy before each update. */
    history: History[];
    /** The trained network's score at every cell centre, in the grid's order. */
    scores: number[];
    /** The share of the points the trained network puts on their label's side. */
    accuracy: number;
  };
}

export function gridAround(points: readonly number[][], cells = GRID_CELLS): Grid {
  const xs = points.map((p) => p[0]!);
  const ys = points.map((p) => p[1]!);
  const pad = (lo: number, hi: number): [number, number] => [lo - MARGIN * (hi - lo), hi + MARGIN * (hi - lo)];
  const [xMin, xMax] = pad(Math.min(...xs), Math.max(...xs));
  const [yMin, yMax] = pad(Math.min(...ys), Math.max(...ys));
  return { xMin, xMax, yMin, yMax, cells };
}

/** The centre of every cell, in the grid's order. */
export function cellCentres(grid: Grid): [number, number][] {
  const centres: [number, number][] = [];
  for (let row = 0; row < grid.cells; row++) {
    const y = grid.yMax - ((row + 0.5) / grid.cells) * (grid.yMax - grid.yMin);
    for (let column = 0; column < grid.cells; column++)
      centres.push([grid.xMin + ((column + 0.5) / grid.cells) * (grid.xMax - grid.xMin), y]);
  }
  return centres;
}

/** The share of points whose score has the sign of their label (a score of exactly 0 has neither). */
export const accuracyOf = (scores: readonly number[], labels: readonly number[]): number =>
  scores.filter((score, i) => Math.sign(score) === labels[i]).length / labels.length;
