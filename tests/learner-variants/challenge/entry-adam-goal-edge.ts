// Challenge entry where round-off alone parts two correct Adams: Adam (α 0.08, μ₁ 0.9, μ₂ 0.99, ε 1e-8) for 970 steps ends 0.0030 from (1, 1) with α·(â / √(r̂ + ε)), 0.0126 with α·â / √(r̂ + ε), which passed the goal a few steps earlier (the same on Node.js 20, 22 and 24).
export function challengeEntry() {
  return {
    optimizer: 'adam' as const,
    options: { learningRate: 0.08, momentumGrad: 0.9, momentumGradSquared: 0.99, epsilon: 1e-8 },
    nSteps: 970,
  };
}
