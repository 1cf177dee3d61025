// Brings each <figure data-graph> of a page to life: draws the reference's graph at once, then builds the same
// expression with the learner's engine in a worker and, when it runs, draws the learner's graph with every value
// that differs from the reference marked; when it does not, keeps the reference and says why.
import graphs from 'virtual:backprop-graphs';
import { compareGraphs, differs } from '../shared/graph-comparison.js';
import type { GraphData } from '../shared/graph-catalog.js';
import type { GraphSnapshot } from '../shared/graph-snapshot.js';
import { failureMessage, workerMessage, type StatusLine } from './failure-message.js';
import { drawGraph } from './graph-drawing.js';
import type { GraphOutcome, GraphRequest } from './graph-protocol.js';
import { comparisonTable, referenceTable } from './graph-table.js';
import { runWorker } from './worker-runner.js';

const FALLBACK = 'The graph shows the reference solution’s values until your code runs.';
const LIMITS = { loadMs: 15_000, idleMs: 5_000 };

interface Panel {
  figure: HTMLElement;
  data: GraphData;
}

function setStatus(figure: HTMLElement, status: StatusLine | { tone: 'ok' | 'pending'; text: string }): void {
  const line = figure.querySelector<HTMLElement>('.graph-panel__status')!;
  line.className = `graph-panel__status graph-panel__status--${status.tone}`;
  line.textContent = status.text;
}

function show(figure: HTMLElement, snapshot: GraphSnapshot, reference: GraphSnapshot | null): void {
  const label = figure.dataset.label ?? 'Computation graph';
  const comparisons = reference ? compareGraphs(snapshot, reference) : null;
  figure.querySelector('.graph-panel__drawing')!.replaceChildren(drawGraph(snapshot, comparisons, label));
  figure
    .querySelector('.graph-panel__table')!
    .replaceChildren(comparisons ? comparisonTable(snapshot, comparisons) : referenceTable(snapshot));
  figure.dataset.source = reference ? 'learner' : 'reference';
  if (!comparisons) return;
  const differing = snapshot.nodes.filter((node) => differs(comparisons.get(node.key)!.verdict) || !node.reachable);
  const names = differing.map((node) => node.name ?? `a value made inside (${node.op})`);
  setStatus(
    figure,
    differing.length === 0
      ? { tone: 'ok', text: `Your graph: all ${snapshot.nodes.length} values match the reference, data and grad.` }
      : {
          tone: 'error',
          text: `Your graph: ${differing.length} of ${snapshot.nodes.length} values differ from the reference (marked “≠ reference”): ${names.join(', ')}.`,
        },
  );
}

function settle(panel: Panel, outcome: GraphOutcome): void {
  if (outcome.status === 'ran') show(panel.figure, outcome.snapshot, panel.data.reference);
  else setStatus(panel.figure, failureMessage(outcome, FALLBACK));
  panel.figure.dataset.state = 'ready';
}

export async function mountGraphPanels(figures: readonly HTMLElement[]): Promise<void> {
  const panels: Panel[] = [];
  for (const figure of figures) {
    const data = graphs[figure.dataset.graph ?? ''];
    if (!data) {
      setStatus(figure, {
        tone: 'error',
        text: `This page asks for a graph "${figure.dataset.graph}" the site does not have.`,
      });
      figure.dataset.state = 'ready';
      continue;
    }
    show(figure, data.reference, null);
    panels.push({ figure, data });
  }
  if (panels.length === 0) return;
  const requests: GraphRequest[] = panels.map(({ data }) => ({ spec: data.spec, backward: data.backward }));
  const worker = new Worker(new URL('./graph-worker.ts', import.meta.url), { type: 'module', name: 'learner-graphs' });
  const end = await runWorker<GraphOutcome[]>(
    worker,
    requests,
    (outcomes) => {
      outcomes.forEach((outcome, i) => settle(panels[i]!, outcome));
      return true;
    },
    LIMITS,
  );
  if (end.kind === 'done') return;
  for (const panel of panels) {
    setStatus(panel.figure, workerMessage(end, FALLBACK));
    panel.figure.dataset.state = 'ready';
  }
}
