// Probes that only the rule fit reads (hidden/rule-fit.ts): they have no PyTorch responses, since the rules it
// simulates answer them, and probe-findings.ts leaves them out of everything else. Each is built from the committed
// `single` probe's start and options, so it needs no fixture of its own.
import type { ProbeScenario } from './probe-findings.js';

/**
 * "negativeDecays": one step with μ₁ = μ₂ = −1. With the usual decays, powers of μ that are wrong in different ways
 * (μ ^ t, a bitwise XOR; t ** μ, base and exponent swapped) all make 1 − …ᵗ zero at t = 1 and negative after, so θ is
 * NaN on every probe whatever the mistake. Here the right correction is 1 − (−1)¹ = 2, an XOR gives 1 − (−1 ^ 1) = 3
 * and a swapped power 1 − 1⁻¹ = 0: only the XOR leaves θ finite, which is what singles it out.
 */
function negativeDecays(single: ProbeScenario): ProbeScenario {
  return {
    name: 'fit:negativeDecays',
    starts: single.starts,
    options: { ...single.options, momentumGrad: -1, momentumGradSquared: -1 },
    actions: [{ create: 0 }, { step: 0, grad: [1, 0.5], mode: 'new' }],
    expected: {},
    mistakes: {},
  };
}

/**
 * "restart": three steps, θ written back to its start before the second and the third. A step that makes θ NaN hides
 * every later step behind that NaN; from a finite θ again, the later steps show whether the state is NaN too (a state
 * never set) or only the first step divided by zero (t = 0 on the first step), or every step does (a power that is
 * not one).
 */
export function fitProbes(scenarios: readonly ProbeScenario[]): ProbeScenario[] {
  const single = scenarios.find((s) => s.name === 'single');
  if (!single) return [];
  const start = single.starts[0]!;
  return [
    ...('momentumGradSquared' in single.options ? [negativeDecays(single)] : []),
    {
      name: 'fit:restart',
      starts: single.starts,
      options: single.options,
      actions: [
        { create: 0 },
        { step: 0, grad: [1, 0], mode: 'new' },
        { step: 0, grad: [1, 0], mode: 'new', data: start },
        { step: 0, grad: [-0.5, 1], mode: 'new', data: start },
      ],
      expected: {},
      mistakes: {},
    },
  ];
}
