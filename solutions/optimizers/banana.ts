// Rosenbrock's banana function shifted up by one: f(x, y) = (a − x)² + b·(y − x²)² + 1, minimum 1 at (a, a²).
import type { Objective } from './objective.js';

export function rosenbrocksBanana(x: number, y: number, a = 1, b = 100): number {
  return (a - x) ** 2 + b * (y - x ** 2) ** 2 + 1;
}

/** ∂f/∂x = −2(a − x) − 4b·x·(y − x²);  ∂f/∂y = 2b·(y − x²). */
export function rosenbrocksBananaGradient(x: number, y: number, a = 1, b = 100): [number, number] {
  return [-2 * (a - x) - 4 * b * x * (y - x ** 2), 2 * b * (y - x ** 2)];
}

export const banana: Objective = {
  name: "Rosenbrock's banana",
  value: (x, y) => rosenbrocksBanana(x, y),
  gradient: (x, y) => rosenbrocksBananaGradient(x, y),
};

export const BANANA_MINIMUM: readonly [number, number] = [1, 1];
export const BANANA_START: readonly [number, number] = [-1, 2];
