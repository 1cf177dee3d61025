// A Chart.js line chart of the hinge loss before each training step, on a log scale: the reference's run solid,
// the learner's dashed over it, growing as the worker reports steps.
import {
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
} from 'chart.js';
import type { History } from '../shared/network-demo.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, LogarithmicScale, Legend, Tooltip);

export const REFERENCE_COLOR = '#94a3b8';
export const LEARNER_COLOR = '#4338ca';

type Points = { x: number; y: number }[];

/** 0.02, 0.05, 0.1, 0.2, …: the values of the log axis worth a label. */
function tickLabel(value: number): string {
  const power = 10 ** Math.floor(Math.log10(value));
  const mantissa = Math.round((value / power) * 1e6) / 1e6;
  return [1, 2, 5].includes(mantissa) ? String(Number(value.toPrecision(6))) : '';
}

/** Log scales cannot show zero or less: such a loss is left out (a hinge loss with its penalty never gets there). */
const drawable = (history: readonly History[]): Points =>
  history.flatMap((h, k) => (h.loss > 0 && Number.isFinite(h.loss) ? [{ x: k, y: h.loss }] : []));

export class TrainingLossChart {
  private readonly chart: Chart<'line', Points>;
  private readonly learner: History[] = [];
  private pending = 0;

  constructor(canvas: HTMLCanvasElement, reference: readonly History[], nSteps: number) {
    this.chart = new Chart(canvas, {
      type: 'line',
      data: {
        datasets: [
          {
            label: 'Reference',
            data: drawable(reference),
            borderColor: REFERENCE_COLOR,
            backgroundColor: REFERENCE_COLOR,
            borderWidth: 4,
            pointRadius: 0,
            // Drawn first, so the learner's dashed line stays visible where the two runs agree.
            order: 2,
          },
          {
            label: 'Yours',
            data: [],
            borderColor: LEARNER_COLOR,
            backgroundColor: LEARNER_COLOR,
            borderWidth: 2.5,
            borderDash: [6, 4],
            pointRadius: 0,
            order: 1,
          },
        ],
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        parsing: false,
        interaction: { mode: 'nearest', axis: 'x', intersect: false },
        scales: {
          x: { type: 'linear', min: 0, max: nSteps - 1, title: { display: true, text: 'training step' } },
          y: {
            type: 'logarithmic',
            title: { display: true, text: 'hinge loss (log scale)' },
            // Only 1, 2 and 5 times a power of ten: the default labels of a log axis crowd each other near its top.
            ticks: { callback: (value) => tickLabel(Number(value)) },
          },
        },
        // Reversed: the reference is drawn first (order 2) but named first.
        plugins: { legend: { position: 'top', reverse: true, labels: { boxHeight: 2 } } },
      },
    });
  }

  /** One more step of the learner's run; redrawn at most once a frame. */
  addStep(step: History): void {
    this.learner.push(step);
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.chart.data.datasets[1]!.data = drawable(this.learner);
      this.chart.update('none');
    });
  }
}
