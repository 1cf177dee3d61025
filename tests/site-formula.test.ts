// The playground's typed formula: mathjs differentiates it, our compiler turns the result into JavaScript, and the
// lowest point is found numerically. Checked against the analytic gradients the course's functions are written with.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rosenbrocksBananaGradient } from '../exercises/optimizers/banana.js';
import { compileFormula, type CompiledFormula } from '../courses/optimizers/site/client/formula.js';
import { lowestPoint } from '../courses/optimizers/site/shared/lowest-point.js';
import { objectiveById } from '../courses/optimizers/site/shared/objectives.js';

const compiled = (text: string, x: [number, number] = [-3, 3], y: [number, number] = [-3, 3]): CompiledFormula => {
  const result = compileFormula(text, { x, y });
  if ('error' in result) throw new Error(result.error);
  return result;
};

const close = (actual: number, expected: number): boolean =>
  Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
const coordinate = fc.double({ min: -3, max: 3, noNaN: true });

describe('a typed formula', () => {
  it('has the gradient the course writes by hand, for the banana, Himmelblau, Beale and the bowl', () => {
    const cases = [
      { text: '(1 - x)^2 + 100 (y - x^2)^2 + 1', gradient: (x: number, y: number) => rosenbrocksBananaGradient(x, y) },
      { text: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2', gradient: objectiveById('himmelblau').gradient },
      {
        text: '(1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2',
        gradient: objectiveById('beale').gradient,
      },
      { text: '(x^2 + 25 y^2) / 2', gradient: objectiveById('bowl').gradient },
    ];
    for (const { text, gradient } of cases) {
      const { objective } = compiled(text);
      fc.assert(
        fc.property(coordinate, coordinate, (x, y) => {
          const [gx, gy] = objective.gradient(x, y);
          const [ex, ey] = gradient(x, y);
          return close(gx, ex) && close(gy, ey);
        }),
      );
    }
  });

  it('follows the usual precedence: −x² is −(x²), powers group from the right, 2x multiplies', () => {
    const at = (text: string, x: number, y = 0) => compiled(text).objective.value(x, y);
    expect(at('-x^2', 3)).toBe(-9);
    expect(at('2^3^x', 2)).toBe(512);
    expect(at('2x + 3 y', 1, 2)).toBe(8);
    expect(at('log(x, 2) + sqrt(abs(x)) + exp(0) + pi - pi', 8)).toBeCloseTo(3 + Math.sqrt(8) + 1, 12);
  });

  it('differentiates functions whose derivatives bring in others (tan gives sec, log gives 1/x)', () => {
    const { objective, derivatives } = compiled('tan(x) + log(y)');
    fc.assert(
      fc.property(
        fc.double({ min: -1.2, max: 1.2, noNaN: true }),
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        (x, y) => {
          const [gx, gy] = objective.gradient(x, y);
          return close(gx, 1 / Math.cos(x) ** 2) && close(gy, 1 / y);
        },
      ),
    );
    expect(derivatives[0]).toContain('sec');
  });

  it('says what is wrong, in words, for a formula that cannot be one', () => {
    const error = (text: string) => (compileFormula(text, { x: [-1, 1], y: [-1, 1] }) as { error: string }).error;
    expect(error('(x + 1')).toMatch(/does not parse: .*character 7/);
    expect(error('x + z')).toBe('unknown name “z”: a formula may use x, y, pi and e');
    expect(error('foo(x)')).toMatch(/^unknown function “foo”: use sin, cos/);
    expect(error('x == y')).toMatch(/not supported/);
    expect(error('  ')).toMatch(/^type a formula/);
  });
});

describe('the lowest point of a typed function', () => {
  it('is where the course says the minimum is, and there is none for the saddle', () => {
    const banana = compiled('(1 - x)^2 + 100 (y - x^2)^2 + 1', [-2, 2], [-1, 3]).objective;
    expect(banana.minima[0]![0]).toBeCloseTo(1, 4);
    expect(banana.minima[0]![1]).toBeCloseTo(1, 4);
    expect(banana.minValue).toBeCloseTo(1, 8);
    const bowl = objectiveById('bowl');
    const found = lowestPoint(bowl.value, bowl.gradient, bowl)!;
    expect(Math.hypot(...found.point)).toBeLessThan(1e-6);
    const saddle = objectiveById('saddle');
    expect(lowestPoint(saddle.value, saddle.gradient, saddle)).toBeNull();
    expect(compiled('x^2 - y^2', [-2, 2], [-2, 2]).objective.minima).toEqual([]);
  });
});
