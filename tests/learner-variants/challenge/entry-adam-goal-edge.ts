// Challenge entry at the goal's edge: Adam (α 0.05, μ₁ 0.8, μ₂ 0.99, ε 1e-8) for 1092 steps ends 0.0098 from (1, 1) with α·(â / √(r̂ + ε)), 0.0173 with α·â / √(r̂ + ε) (inside at row 1085, then swung out): round-off alone.
export function challengeEntry() {
  return {
    optimizer: 'adam' as const,
    options: { learningRate: 0.05, momentumGrad: 0.8, momentumGradSquared: 0.99, epsilon: 1e-8 },
    nSteps: 1092,
  };
}
