// Which of the course's widgets go on which page, with their captions: a computation graph on the engine's pages
// (and the index), the network's training and decision boundary on the mlp page.
import type { Course } from '../../../grader/course/course-metadata.js';
import { describeStep, NONLINEARITIES } from '../../../grader/backprop/expression.js';
import type { CoursePage, Widget } from '../../../site/scripts/site-plugin.js';
import { graphCase } from './data/graph-cases.js';
import { GRAPHS, type GraphDefinition } from './shared/graph-catalog.js';
import { DEMO_STEPS } from './shared/network-demo.js';
import { fixtures } from '../../../grader/backprop/fixtures.js';

const signed = (x: number): string => String(x).replace('-', '−');

function graphWidget(graph: GraphDefinition, course: Course): Widget {
  const { leaves, steps } = graphCase(graph);
  const expression = steps.map(describeStep).join(', ');
  const inputs = Object.entries(leaves)
    .map(([name, x]) => `${name} = ${signed(x)}`)
    .join(', ');
  const files = [`exercises/${course.id}/value.ts`];
  if (steps.some(([, op]) => NONLINEARITIES.has(op))) files.push('nonlinearities.ts');
  const how =
    graph.backward === 'learner'
      ? `then your backward() (backward.ts) from the output`
      : `then the grader's replay of the steps calls each value's localBackward(), output first, as in the grade`;
  return {
    partial: 'computation-graph',
    heading: graph.page === 'index' ? 'Your engine on one neuron' : 'Your graph beside the reference',
    lead:
      graph.page === 'index'
        ? 'Every exercise of the engine at once: your Value, your tanh and your backward() on a single neuron.'
        : undefined,
    data: {
      graph: graph.id,
      label: `Computation graph of ${expression}, each value with its operation, data and grad`,
      caption: `${expression}, from ${inputs}. Built with your code (${files.join(', ')}), ${how}. Beside each grad of yours, the table gives the reference solution's.`,
    },
  };
}

function networkWidget(): Widget {
  const { sizes, points, nSteps } = fixtures.mlp.train;
  const network = `MLP(${sizes[0]}, [${sizes.slice(1).join(', ')}])`;
  return {
    partial: 'network-training',
    heading: 'Your network on two moons',
    lead: `The grader's training case: ${network} from its initial weights, on its ${points.length} points. The grader checks ${nSteps} steps against PyTorch; here it trains for ${DEMO_STEPS}, so that a boundary has time to form.`,
    data: {
      steps: DEMO_STEPS,
      lossLabel: `Hinge loss per training step of the reference ${network} and of yours, on a log scale`,
      caption: `Above: the loss before each of the ${DEMO_STEPS} steps of gradient descent (solid: the reference solution; dashed: your Neuron, Layer, MLP and trainingStep from exercises/backprop/nn.ts, run in this browser tab). Below: each trained network's score over the plane, orange where it is positive (class +1, squares), blue where it is negative (class −1, circles); the paler, the nearer to 0.`,
    },
  };
}

export function widgetsFor(page: CoursePage, course: Course): Widget[] {
  const on = page.kind === 'index' ? 'index' : page.kind === 'exercise' ? page.exercise.id : null;
  const graphs = GRAPHS.filter((graph) => graph.page === on).map((graph) => graphWidget(graph, course));
  return on === 'mlp' ? [...graphs, networkWidget()] : graphs;
}
