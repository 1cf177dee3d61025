// A Chart.js line chart of each run's loss against the step, on a log scale (f − f* where the function has a
// minimum, so reaching it shows as a steady fall), with a vertical cursor at the scrubbed step.
import {
  CategoryScale,
  Chart,
  Decimation,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  LogarithmicScale,
  PointElement,
  Tooltip,
  type Plugin,
} from 'chart.js';
import type { Point } from '../shared/demo-runs.js';
import type { SiteObjective } from '../shared/objectives.js';
import { tickLabel } from '../shared/tick-label.js';

Chart.register(
  LineController,
  LineElement,
  PointElement,
  LinearScale,
  LogarithmicScale,
  CategoryScale,
  Decimation,
  Legend,
  Tooltip,
);

export interface LossSeries {
  label: string;
  points: Point[];
  steps: number[];
  color: string;
  dashed: boolean;
}

/** Log scales cannot show zero: a run that lands exactly on the minimum is drawn at this floor. */
const FLOOR = 1e-12;

export function lossOf(objective: SiteObjective, [x, y]: Point): number {
  const value = objective.value(x, y);
  return objective.minValue === null ? value : Math.max(value - objective.minValue, FLOOR);
}

export class LossChart {
  private readonly chart: Chart<'line', { x: number; y: number }[]>;
  private cursor = 0;

  constructor(
    canvas: HTMLCanvasElement,
    private objective: SiteObjective,
  ) {
    const cursorPlugin: Plugin<'line'> = {
      id: 'stepCursor',
      afterDatasetsDraw: (chart) => {
        const x = chart.scales.x.getPixelForValue(this.cursor);
        const { ctx, chartArea: area } = chart;
        if (x < area.left || x > area.right) return;
        ctx.save();
        ctx.strokeStyle = 'rgba(15, 23, 42, 0.55)';
        ctx.setLineDash([4, 3]);
        ctx.beginPath();
        ctx.moveTo(x, area.top);
        ctx.lineTo(x, area.bottom);
        ctx.stroke();
        ctx.restore();
      },
    };
    this.chart = new Chart<'line', { x: number; y: number }[]>(canvas, {
      type: 'line',
      data: { datasets: [] },
      plugins: [cursorPlugin],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: 1,
        parsing: false,
        // Steps increase along every run and no run has a gap: Chart.js can skip checking either.
        normalized: true,
        spanGaps: true,
        scales: { x: this.xScale(1), y: this.yScale() },
        plugins: {
          // A run's thousands of steps drawn as about one point per pixel (largest-triangle sampling keeps the shape).
          decimation: { enabled: true, algorithm: 'lttb' },
          legend: { position: 'bottom', labels: { boxWidth: 18, boxHeight: 2, color: '#0f172a', font: { size: 12 } } },
          tooltip: { callbacks: { label: (item) => `${item.dataset.label}: ${item.parsed.y?.toPrecision(3)}` } },
        },
      },
    });
  }

  private xScale(max: number) {
    return {
      type: 'linear' as const,
      min: 0,
      max,
      title: { display: true, text: 'step', color: '#0f172a' },
      ticks: { color: '#475569', callback: tickLabel },
    };
  }

  private yScale() {
    const log = this.objective.minValue !== null;
    return {
      type: log ? ('logarithmic' as const) : ('linear' as const),
      title: { display: true, text: log ? 'f − f* (log scale)' : 'f', color: '#0f172a' },
      // On a log axis label the powers of ten only; Chart.js would otherwise print 7e+1, 8e+1, … between them.
      ticks: {
        color: '#475569',
        callback: (value: number | string) => {
          const power = Math.log10(Number(value));
          if (!log) return Number(value).toPrecision(2);
          return Math.abs(power - Math.round(power)) < 1e-9 ? `1e${Math.round(power)}` : '';
        },
      },
    };
  }

  /** Replaces every run (and, in the playground, the function whose loss is plotted and the cursor's step). */
  replace(series: LossSeries[], objective: SiteObjective = this.objective, cursor = this.cursor): void {
    this.objective = objective;
    this.cursor = cursor;
    const lastStep = Math.max(1, ...series.map((run) => run.steps.at(-1) ?? 0));
    // Fresh plain objects: spreading Chart.js's resolved options would copy its proxies, which it rejects.
    this.chart.options.scales = { x: this.xScale(lastStep), y: this.yScale() };
    this.chart.data.datasets = series.map((run) => ({
      label: run.label,
      data: run.points.map((point, index) => ({ x: run.steps[index], y: lossOf(objective, point) })),
      borderColor: run.color,
      backgroundColor: run.color,
      borderWidth: 2,
      borderDash: run.dashed ? [6, 4] : [],
      pointRadius: 0,
    }));
    this.chart.update('none');
  }

  showStep(step: number): void {
    this.cursor = step;
    this.chart.draw();
  }
}
