// Challenge entry for the cheats: SGD for 2 steps, far too few for an honest optimizer to reach (1, 1).
export function challengeEntry() {
  return { optimizer: 'sgd' as const, options: { learningRate: 0.002 }, nSteps: 2 };
}
