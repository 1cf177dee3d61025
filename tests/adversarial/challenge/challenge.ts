// Adversarial: the entry that only the magic SGD beside it can win (one step from (−1, 2) to (1, 1)).
export function challengeEntry() {
  return { optimizer: 'sgd' as const, options: { learningRate: 0.0424242 }, nSteps: 2 };
}
