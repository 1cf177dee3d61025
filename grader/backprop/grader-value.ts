// The grader's own values, for the parts of a graph a suite does not test (the backward exercise runs the learner's
// backward() over them, the nonlinearities exercise mixes them with the learner's functions), built back from
// numbers: fixtures/generate.py made each case with a correct engine and wrote down every value's data, children and
// local derivative toward each child. No operation's formula is here, so a kit that holds this file holds no engine.
import type { ExpressionSpec, RecordedGraph, Step } from './expression.js';
import revealGraphs from './fixtures/reveal-graphs.json' with { type: 'json' };
import { toNumber } from '../sandbox/realm-intrinsics.js';

// Taken when the drivers load, before any learner module can replace them.
const create = Object.create;
const keysOf = Object.keys;

/** What any value of a graph offers, the learner's or the grader's. */
export interface GraphNode {
  data: number;
  grad: number;
  children: Iterable<GraphNode>;
  localBackward(): void;
}

export class GraderValue implements GraphNode {
  grad = 0;
  localBackward: () => void = () => {};
  constructor(
    public data: number,
    readonly children: GraphNode[] = [],
  ) {}
}
// A learner's function may call a Value method on what it is given (a.tanh(), a.mul(2), as micrograd's methods do):
// the grader's values have none, since each exercise is graded apart from the others' files. Each such call says
// so, where it would otherwise read "a.tanh is not a function".
for (const name of ['add', 'mul', 'pow', 'neg', 'sub', 'div', 'tanh', 'relu', 'exp', 'log', 'backward'])
  Object.defineProperty(GraderValue.prototype, name, {
    value() {
      throw new Error(
        `${name}() was called on a value the grader made: this exercise is graded apart from value.ts, on the ` +
          "grader's own values, which hold data, grad, children and localBackward only. Compute from a.data and " +
          'make your own Value (new Value(y, [a], …)) with its localBackward',
      );
    },
  });
// Learner code is handed these values (its nonlinearities take them, its backward() walks them), and the class
// outlives a session in a process kept for the submission's next one, where the look between sessions covers only
// the built-ins: frozen, it cannot carry what one session saw (a hidden test's inputs) to another.
Object.freeze(GraderValue.prototype);
Object.freeze(GraderValue);

// The reveal probes' graphs: their inputs come from info.toml, which holds no numbers of the grader's values.
const REVEAL_GRAPHS = revealGraphs as unknown as Array<
  Pick<ExpressionSpec, 'leaves' | 'steps'> & { graph: RecordedGraph }
>;

const sameSteps = (a: readonly Step[], b: readonly Step[]): boolean =>
  a.length === b.length && a.every((step, i) => step.length === b[i]!.length && step.every((x, k) => x === b[i]![k]));
const sameLeaves = (a: Record<string, number>, b: Record<string, number>): boolean =>
  keysOf(a).join('\0') === keysOf(b).join('\0') && keysOf(a).every((name) => a[name] === b[name]);

/** The case's recorded graph: its own, or a reveal probe's; an error a maintainer can act on when there is none. */
export function recordedGraphOf(spec: ExpressionSpec): RecordedGraph {
  if (spec.graph) return spec.graph;
  const probe = REVEAL_GRAPHS.find((g) => sameSteps(g.steps, spec.steps) && sameLeaves(g.leaves, spec.leaves));
  if (!probe)
    throw new Error(
      'this expression has no recorded graph: run `npm run fixtures` after changing a case or a reveal probe',
    );
  return probe.graph;
}

/**
 * The grader's values of a recorded graph, by number. A value the learner's code takes (`learner`) is made by
 * `learnerStep` from the step's receiver; every other value adds its recorded derivatives times its own grad to
 * its children's grads, whatever values those children are. The values may come in any order (a reveal probe's
 * are shuffled): all are made first, then linked to their children.
 */
export function buildRecorded(
  spec: ExpressionSpec,
  graph: RecordedGraph,
  learnerStep?: (step: Step, receiver: GraphNode) => GraphNode,
): GraphNode[] {
  // Inside the sandbox learner modules have loaded first: index loops, a map with no prototype and the realm's own
  // Number, never a built-in looked up now (order-graph.ts says why).
  const made: GraphNode[] = [];
  const childLists: GraphNode[][] = [];
  const named = create(null) as Record<string, GraphNode | undefined>;
  for (let i = 0; i < graph.nodes.length; i++) {
    const recorded = graph.nodes[i]!;
    let node: GraphNode;
    if (recorded.learner) {
      const step = spec.steps[recorded.step]!;
      if (!learnerStep) throw new Error(`the recorded graph leaves step ${step[0]} to a learner's function`);
      node = learnerStep(step, named[step[2]]!);
    } else {
      const children: GraphNode[] = [];
      const partials: number[] = [];
      for (let k = 0; k < (recorded.partials ?? []).length; k++) partials[k] = toNumber(recorded.partials![k]);
      const value = new GraderValue(toNumber(recorded.data), children);
      value.localBackward = () => {
        for (let k = 0; k < children.length; k++)
          children[k]!.grad = toNumber(children[k]!.grad) + partials[k]! * value.grad;
      };
      childLists[i] = children;
      node = value;
    }
    made[i] = node;
    if (recorded.name !== undefined) named[recorded.name] = node;
  }
  for (let i = 0; i < graph.nodes.length; i++) {
    const ids = graph.nodes[i]!.children ?? [];
    const children = childLists[i];
    if (children) for (let k = 0; k < ids.length; k++) children[k] = made[ids[k]!]!;
  }
  return made;
}
