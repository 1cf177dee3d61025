// The grader's replay of a case's steps (grader/backprop/step-replay.ts), which runs the local backward steps of the
// operations and nonlinearities exercises, and the recorded graphs it runs beside (grader-value.ts): the order it
// gives, that it is no backward pass of a whole graph, and that the numbers a kit holds leave the learner's part out.
import { expect, test } from 'vitest';
import { replayOrder } from '../grader/backprop/step-replay.js';
import { fixtures } from '../grader/backprop/fixtures.js';
import { readFileSync } from 'node:fs';
import { parse } from 'smol-toml';
import { NONLINEARITIES, type Step } from '../grader/backprop/expression.js';
import type { ExpressionCase } from '../grader/backprop/fixtures.js';
import revealGraphs from '../grader/backprop/fixtures/reveal-graphs.json' with { type: 'json' };

interface Node {
  id: string;
  children: Node[];
}
const node = (id: string, ...children: Node[]): Node => ({ id, children });
const ids = (nodes: Node[]) => nodes.map((n) => n.id);
const order = (leaves: Node[], steps: Node[], max = 100) =>
  ids(
    replayOrder(
      leaves,
      steps,
      (n) => n.children,
      max,
      () => {
        throw new Error('too many');
      },
    ),
  );

test('steps go last to first, each with the values it made, a value before the values it is made from', () => {
  const [a, b] = [node('a'), node('b')];
  // c = a − b as the instructions build it: c = a + n, n = b · m, m the constant −1.
  const m = node('m');
  const n = node('n', b, m);
  const c = node('c', a, n);
  const d = node('d', c, a);
  expect(order([a, b], [c, d])).toEqual(['d', 'c', 'n', 'm']);
});

test('leaves and values of earlier steps are never walked again from a later step', () => {
  const a = node('a');
  const c = node('c', a, a);
  const d = node('d', c, c);
  expect(order([a], [c, d])).toEqual(['d', 'c']);
});

test('it is no backward pass: a value two of one step’s own values use goes before its second user', () => {
  const a = node('a');
  const shared = node('s', a);
  const left = node('l', shared);
  const out = node('o', shared, left);
  const walked = order([a], [out]);
  // A topological order puts s after both of its users (l and o); the replay puts it right after l's turn begins.
  expect(walked.indexOf('s')).toBeLessThan(walked.indexOf('l'));
});

test('a graph that keeps growing stops at the limit', () => {
  const a = node('a');
  let chain = node('c0', a);
  for (let i = 1; i < 10; i++) chain = node(`c${i}`, chain);
  expect(() => order([a], [chain], 5)).toThrow('too many');
});

test('the recorded graphs a kit holds give no number of a step the learner writes', () => {
  const info = parse(readFileSync(new URL('../courses/backprop/info.toml', import.meta.url), 'utf8')) as {
    exercises: Array<{ reveal?: Array<{ driver: string; input: { steps: Step[] } }> }>;
  };
  const probes = info.exercises
    .flatMap((e) => e.reveal ?? [])
    .filter((probe) => probe.driver === 'nonlinearityExpression')
    .map((probe) => {
      const recorded = (revealGraphs as unknown as ExpressionCase[]).find(
        (g) => JSON.stringify(g.steps) === JSON.stringify(probe.input.steps),
      );
      expect(recorded, 'every probe has its recorded graph').toBeDefined();
      return recorded!;
    });
  const cases = [...fixtures.nonlinearities, ...probes];
  expect(probes.length).toBeGreaterThan(0);
  for (const { steps, graph } of cases) {
    const learner = graph!.nodes.filter((v) => v.step >= 0 && NONLINEARITIES.has(steps[v.step]![1]));
    expect(learner.length).toBeGreaterThan(0);
    for (const value of learner)
      expect(value).toEqual({ step: value.step, name: steps[value.step]![0], learner: true });
  }
});

test("a backward probe's recorded graph gives no order to follow: shuffled, unnamed inside, with no order listed", () => {
  const info = parse(readFileSync(new URL('../courses/backprop/info.toml', import.meta.url), 'utf8')) as {
    exercises: Array<{ reveal?: Array<{ driver: string; input: { steps: Step[] } }> }>;
  };
  const probes = info.exercises.flatMap((e) => e.reveal ?? []).filter((p) => p.driver === 'backwardExpression');
  expect(probes.length).toBeGreaterThan(0);
  for (const probe of probes) {
    const { graph, leaves, steps } = (revealGraphs as unknown as ExpressionCase[]).find(
      (g) => JSON.stringify(g.steps) === JSON.stringify(probe.input.steps),
    )!;
    expect(graph!.order).toBeUndefined();
    const names = graph!.nodes.flatMap((v) => (v.name === undefined ? [] : [v.name]));
    expect(names.sort()).toEqual([...Object.keys(leaves), steps.at(-1)![0]].sort());
    // Made-before-used would be a topological order: some value comes before one of its children.
    expect(graph!.nodes.some((v, i) => (v.children ?? []).some((child) => child > i))).toBe(true);
  }
});
