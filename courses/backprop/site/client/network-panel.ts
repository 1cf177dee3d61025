// Brings the mlp page's <figure data-network> to life: the reference's loss curve and decision boundary at once,
// then the learner's network trained in a worker, its loss drawn step by step and its boundary row by row; when
// the learner's code does not run, the reference stays and the status line says why.
import network from 'virtual:backprop-network';
import { failureMessage, workerMessage, type StatusLine } from './failure-message.js';
import { drawField, drawPoints } from './boundary-map.js';
import type { NetworkMessage, NetworkRequest } from './network-protocol.js';
import { mountLossTable } from './loss-table.js';
import { TrainingLossChart } from './training-loss-chart.js';
import { runWorker } from './worker-runner.js';

const FALLBACK = 'The chart and the map show the reference solution until your code runs.';
const LIMITS = { loadMs: 15_000, idleMs: 8_000 };

const percent = (share: number): string => `${Math.round(share * 100)} %`;

function setStatus(figure: HTMLElement, status: StatusLine | { tone: 'ok' | 'pending'; text: string }): void {
  const line = figure.querySelector<HTMLElement>('.network-panel__status')!;
  line.className = `network-panel__status network-panel__status--${status.tone}`;
  line.textContent = status.text;
}

interface BoundaryMap {
  element: HTMLElement;
  draw(scores: readonly (number | undefined)[]): void;
  note(text: string): void;
}

function boundaryMap(figure: HTMLElement, which: 'learner' | 'reference'): BoundaryMap {
  const element = figure.querySelector<HTMLElement>(`.boundary-map[data-map="${which}"]`)!;
  const field = element.querySelector<HTMLCanvasElement>('.boundary-map__field')!;
  const { grid, points, labels } = network;
  Object.assign(element.dataset, {
    xMin: String(grid.xMin),
    xMax: String(grid.xMax),
    yMin: String(grid.yMin),
    yMax: String(grid.yMax),
  });
  drawPoints(element.querySelector<HTMLCanvasElement>('.boundary-map__points')!, grid, points, labels);
  return {
    element,
    draw: (scores) => drawField(field, grid, scores),
    note: (text) => {
      element.querySelector('.boundary-map__note')!.textContent = text;
    },
  };
}

export async function mountNetworkPanel(figure: HTMLElement): Promise<void> {
  const { reference, nSteps } = network;
  const chart = new TrainingLossChart(figure.querySelector('.network-panel__loss canvas')!, reference.history, nSteps);
  const table = mountLossTable(figure.querySelector('.loss-table tbody')!, reference.history);
  const referenceMap = boundaryMap(figure, 'reference');
  referenceMap.draw(reference.scores);
  referenceMap.note(`after ${nSteps} steps: ${percent(reference.accuracy)} of the points on their side`);
  const learnerMap = boundaryMap(figure, 'learner');

  const scores: (number | undefined)[] = new Array(reference.scores.length).fill(undefined);
  let steps = 0;
  const request: NetworkRequest = {
    sizes: network.sizes,
    parameters: network.parameters,
    points: network.points,
    labels: network.labels,
    nSteps,
    grid: network.grid,
  };
  const onMessage = (message: NetworkMessage): boolean => {
    switch (message.kind) {
      case 'step':
        steps = message.k + 1;
        chart.addStep(message);
        table.setLearner(message.k, message);
        figure.dataset.learnerSteps = String(steps);
        setStatus(figure, { tone: 'pending', text: `Training your network: step ${steps} of ${nSteps}…` });
        return false;
      case 'scores':
        scores.splice(message.from, message.scores.length, ...message.scores);
        learnerMap.draw(scores);
        learnerMap.note('mapping its score…');
        return false;
      case 'done':
        figure.dataset.source = 'learner';
        learnerMap.note(`after ${nSteps} steps: ${percent(message.accuracy)} of the points on their side`);
        setStatus(figure, {
          tone: 'ok',
          text: `Your network trained for ${nSteps} steps; it puts ${percent(message.accuracy)} of the points on their label's side (the reference: ${percent(reference.accuracy)}).`,
        });
        return true;
      case 'failed': {
        const sofar = steps > 0 ? ` (the chart shows your first ${steps} steps)` : '';
        setStatus(figure, failureMessage(message.failure, `${FALLBACK}${sofar}`));
        learnerMap.note('not trained: see above');
        return true;
      }
    }
  };
  const worker = new Worker(new URL('./network-worker.ts', import.meta.url), {
    type: 'module',
    name: 'learner-network',
  });
  const end = await runWorker(worker, request, onMessage, LIMITS);
  if (end.kind !== 'done') {
    setStatus(figure, workerMessage(end, FALLBACK));
    learnerMap.note('not trained: see above');
  }
  figure.dataset.state = 'ready';
}
