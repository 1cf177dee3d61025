// A Chart.js scatter chart of trajectories on the banana function over x ∈ [−2, 2], y ∈ [−1, 3], with the
// start and the minimum marked and the function's log-spaced contours drawn underneath.
import {
  Chart,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
  type ChartDataset,
  type LegendItem,
} from 'chart.js';
import { BANANA_MINIMUM, BANANA_START } from '../../exercises/optimizers/banana.js';
import type { Point } from '../shared/demo-runs.js';
import { bananaContours, X_RANGE, Y_RANGE } from './banana-contours.js';

Chart.register(ScatterController, LineElement, PointElement, LinearScale, Legend, Tooltip);
// The page's own system font stack, rather than Chart.js's Helvetica default.
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', 'Noto Sans', 'Liberation Sans', Arial, sans-serif";

export interface TrajectorySeries {
  label: string;
  points: Point[];
  color: string;
  kind: 'reference' | 'learner';
  /** Position among the trajectories (and in the legend), whatever order the runs finish in. */
  rank: number;
}

const INK = '#0f172a';

/** Typographic minus signs in labels, as in the text of the pages. */
const formatNumber = (value: number): string => String(value).replace('-', '−');

type ScatterDataset = ChartDataset<'scatter', { x: number; y: number }[]>;

function markerDatasets(): ScatterDataset[] {
  return [
    {
      label: `Start (${formatNumber(BANANA_START[0])}, ${formatNumber(BANANA_START[1])})`,
      data: [{ x: BANANA_START[0], y: BANANA_START[1] }],
      pointStyle: 'circle',
      pointRadius: 7,
      pointHoverRadius: 8,
      backgroundColor: '#ffffff',
      borderColor: INK,
      borderWidth: 2.5,
      order: 0,
    },
    {
      label: `Minimum (${formatNumber(BANANA_MINIMUM[0])}, ${formatNumber(BANANA_MINIMUM[1])})`,
      data: [{ x: BANANA_MINIMUM[0], y: BANANA_MINIMUM[1] }],
      pointStyle: 'star',
      pointRadius: 11,
      pointHoverRadius: 12,
      backgroundColor: '#facc15',
      borderColor: '#b91c1c',
      borderWidth: 2.5,
      order: 0,
    },
  ];
}

function seriesDataset(series: TrajectorySeries): ScatterDataset {
  const reference = series.kind === 'reference';
  return {
    label: series.label,
    data: series.points.map(([x, y]) => ({ x, y })),
    showLine: true,
    borderColor: series.color,
    backgroundColor: series.color,
    borderWidth: reference ? 3 : 2.25,
    borderDash: reference ? [] : [7, 4],
    pointRadius: reference ? 2 : 0,
    pointHoverRadius: 5,
    // Lower order is drawn later: markers over learner lines over reference lines.
    order: reference ? 2 : 1,
  };
}

const SWATCH_WIDTH = 28;
const SWATCH_HEIGHT = 22;

/**
 * The legend symbol of a dataset, drawn on a small canvas (Chart.js accepts a canvas as a legend point style):
 * a short line for a trajectory, dashed for the learner's, and the marker itself for the start and minimum,
 * all the same width so labels line up.
 */
function legendSwatch(dataset: ScatterDataset): HTMLCanvasElement {
  const swatch = document.createElement('canvas');
  swatch.width = SWATCH_WIDTH;
  swatch.height = SWATCH_HEIGHT;
  const ctx = swatch.getContext('2d')!;
  const [cx, cy] = [SWATCH_WIDTH / 2, SWATCH_HEIGHT / 2];
  ctx.strokeStyle = String(dataset.borderColor);
  ctx.fillStyle = String(dataset.backgroundColor);
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  if (dataset.showLine) {
    ctx.lineWidth = 3;
    if (((dataset.borderDash as number[] | undefined) ?? []).length > 0) ctx.setLineDash([5, 3]);
    ctx.moveTo(2, cy);
    ctx.lineTo(SWATCH_WIDTH - 2, cy);
  } else if (dataset.pointStyle === 'star') {
    for (let ray = 0; ray < 4; ray++) {
      const angle = (ray * Math.PI) / 4;
      ctx.moveTo(cx - 8 * Math.cos(angle), cy - 8 * Math.sin(angle));
      ctx.lineTo(cx + 8 * Math.cos(angle), cy + 8 * Math.sin(angle));
    }
  } else {
    ctx.arc(cx, cy, 6, 0, 2 * Math.PI);
    ctx.fill();
  }
  ctx.stroke();
  return swatch;
}

function legendLabels(chart: Chart<'scatter', { x: number; y: number }[]>): LegendItem[] {
  return Chart.defaults.plugins.legend.labels.generateLabels(chart).map((item) => ({
    ...item,
    pointStyle: legendSwatch(chart.data.datasets[item.datasetIndex ?? 0] as ScatterDataset),
  }));
}

export class TrajectoryChart {
  private readonly chart: Chart<'scatter', { x: number; y: number }[]>;
  private readonly series: TrajectorySeries[];

  constructor(canvas: HTMLCanvasElement, series: TrajectorySeries[]) {
    this.series = [...series].sort((a, b) => a.rank - b.rank);
    this.chart = new Chart<'scatter', { x: number; y: number }[]>(canvas, {
      type: 'scatter',
      data: { datasets: [...this.series.map(seriesDataset), ...markerDatasets()] },
      plugins: [bananaContours],
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: 1,
        layout: { padding: { top: 4, right: 8 } },
        scales: {
          x: {
            type: 'linear',
            min: X_RANGE[0],
            max: X_RANGE[1],
            title: { display: true, text: 'x', color: INK, font: { size: 13, weight: 'bold' } },
            grid: { color: 'rgba(15, 23, 42, 0.07)' },
            ticks: { stepSize: 0.5, color: '#475569' },
          },
          y: {
            type: 'linear',
            min: Y_RANGE[0],
            max: Y_RANGE[1],
            title: { display: true, text: 'y', color: INK, font: { size: 13, weight: 'bold' } },
            grid: { color: 'rgba(15, 23, 42, 0.07)' },
            ticks: { stepSize: 0.5, color: '#475569' },
          },
        },
        plugins: {
          legend: {
            position: 'bottom',
            // Trajectories first, in the order they were added, then the two markers.
            labels: {
              usePointStyle: true,
              pointStyleWidth: SWATCH_WIDTH,
              generateLabels: legendLabels,
              sort: (a, b) => (a.datasetIndex ?? 0) - (b.datasetIndex ?? 0),
              color: INK,
              padding: 14,
              font: { size: 12.5 },
            },
          },
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: (${item.parsed.x?.toFixed(3)}, ${item.parsed.y?.toFixed(3)})`,
            },
          },
        },
      },
    });
  }

  /** Adds a trajectory; learner runs arrive after the chart is first drawn. */
  add(series: TrajectorySeries): void {
    this.series.push(series);
    this.series.sort((a, b) => a.rank - b.rank);
    this.chart.data.datasets = [...this.series.map(seriesDataset), ...markerDatasets()];
    this.chart.update();
  }
}
