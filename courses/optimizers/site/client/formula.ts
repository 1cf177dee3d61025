// A function typed by the learner in the playground: parsed and differentiated symbolically by mathjs, compiled to
// plain JavaScript, with its lowest point in the plotted region found numerically. Loaded only when chosen.
import {
  absDependencies,
  atanDependencies,
  compileDependencies,
  cosDependencies,
  coshDependencies,
  create,
  derivativeDependencies,
  eDependencies,
  expDependencies,
  logDependencies,
  parseDependencies,
  piDependencies,
  sinDependencies,
  sinhDependencies,
  sqrtDependencies,
  tanDependencies,
  tanhDependencies,
  type MathNode,
} from 'mathjs';
import { lowestPoint, type Region } from '../shared/lowest-point.js';
import type { SiteObjective } from '../shared/objectives.js';
import { formulaToJs } from './formula-to-js.js';

// Only what parsing and differentiating these functions needs: mathjs in full is several times larger.
const math = create({
  parseDependencies,
  derivativeDependencies,
  compileDependencies,
  piDependencies,
  eDependencies,
  sinDependencies,
  cosDependencies,
  tanDependencies,
  sinhDependencies,
  coshDependencies,
  tanhDependencies,
  atanDependencies,
  expDependencies,
  logDependencies,
  sqrtDependencies,
  absDependencies,
});

export interface CompiledFormula {
  objective: SiteObjective;
  /** ∂f/∂x and ∂f/∂y as mathjs writes them, to show the learner. */
  derivatives: [string, string];
}

const compile = (node: MathNode): ((x: number, y: number) => number) =>
  // Built only from the checked tree above: numbers, x, y, pi, e, arithmetic and Math functions.
  new Function('x', 'y', `return ${formulaToJs(node)};`) as (x: number, y: number) => number;

/** The formula as an objective over `region`, or the reason it cannot be one, in words for the learner. */
export function compileFormula(text: string, region: Region): CompiledFormula | { error: string } {
  if (text.trim() === '') return { error: 'type a formula in x and y, e.g. (1 - x)^2 + 100 (y - x^2)^2' };
  let node: MathNode;
  try {
    node = math.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: `the formula does not parse: ${message.replace(/\s*\(char (\d+)\)/, ' at character $1')}` };
  }
  try {
    const f = compile(node);
    const dx = math.derivative(node, 'x');
    const dy = math.derivative(node, 'y');
    const [fx, fy] = [compile(dx), compile(dy)];
    const gradient = (x: number, y: number): [number, number] => [fx(x, y), fy(x, y)];
    const lowest = lowestPoint(f, gradient, region);
    const objective: SiteObjective = {
      id: 'formula',
      name: 'Your formula',
      formula: `f(x, y) = ${node.toString()}`,
      value: f,
      gradient,
      x: region.x,
      y: region.y,
      start: [region.x[0] + (region.x[1] - region.x[0]) / 4, region.y[0] + (3 * (region.y[1] - region.y[0])) / 4],
      minima: lowest ? [lowest.point] : [],
      minValue: lowest ? lowest.value : null,
    };
    return { objective, derivatives: [dx.toString(), dy.toString()] };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}
