// Challenge entry that loses: the winning Momentum settings, but only 500 steps (the last row is still 0.24 from (1, 1)).
export function challengeEntry() {
  return { optimizer: 'momentum' as const, options: { learningRate: 0.005, momentum: 0.95 }, nSteps: 500 };
}
