// A small seeded random generator (mulberry32): the grader and the sandbox draw the same numbers from the same
// seed, so a random search can be checked draw by draw.
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A made-up training cost with its best settings at (bestLearningRate, bestMomentum): a bowl in log10(α) × μ. */
export function bowlSteps(
  learningRate: number,
  momentum: number,
  bestLearningRate: number,
  bestMomentum: number,
): number {
  return Math.round(
    100 + 4000 * (Math.log10(learningRate) - Math.log10(bestLearningRate)) ** 2 + 8000 * (momentum - bestMomentum) ** 2,
  );
}
