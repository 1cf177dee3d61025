// A Chart.js scatter chart of trajectories on a 2-D function over its plotted region, with the start and the
// minima marked, the function's contours drawn underneath and the scrubbed step drawn on top.
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
  type Plugin,
  type Scale,
} from 'chart.js';
import {
  BORDER_COLOR,
  CHART_FONT,
  GRID_COLOR,
  INK,
  LEGEND,
  minimumLabel,
  PADDING,
  startLabel,
  TICK_COLOR,
  tickStep as stepOf,
  TITLE_FONT_SIZE,
  X_AXIS_HEIGHT,
  yAxisWidth,
} from '../shared/chart-frame.js';
import type { Point } from '../shared/demo-runs.js';
import type { SiteObjective } from '../shared/objectives.js';
import { contourLegend } from './contour-legend.js';
import { measured } from './measured.js';
import { objectiveContours } from './objective-contours.js';
import { drawRunLines } from './run-lines.js';
import { drawStepOverlay, stepOverlayPlugin, type StepOverlay } from './step-overlay-plugin.js';
import { tickLabel } from '../shared/tick-label.js';

Chart.register(ScatterController, LineElement, PointElement, LinearScale, Legend, Tooltip);
Chart.defaults.font.family = CHART_FONT;

export interface TrajectorySeries {
  label: string;
  points: Point[];
  color: string;
  /** reference: solid with points; learner: dashed, beside a reference; run: solid, alone (the playground). */
  kind: 'reference' | 'learner' | 'run';
  /** Position among the trajectories (and in the legend), whatever order the runs finish in. */
  rank: number;
}

type ScatterDataset = ChartDataset<'scatter', { x: number; y: number }[]>;

function markerDatasets(start: Point, minima: Point[]): ScatterDataset[] {
  return [
    {
      label: startLabel(start),
      data: [{ x: start[0], y: start[1] }],
      pointStyle: 'circle',
      pointRadius: 7,
      pointHoverRadius: 8,
      backgroundColor: '#ffffff',
      borderColor: INK,
      borderWidth: 2.5,
      order: 0,
    },
    {
      label: minimumLabel(minima),
      data: minima.map(([x, y]) => ({ x, y })),
      pointStyle: 'star',
      pointRadius: 11,
      pointHoverRadius: 12,
      backgroundColor: '#facc15',
      borderColor: '#b91c1c',
      borderWidth: 2.5,
      order: 0,
    },
  ].filter((dataset) => dataset.data.length > 0);
}

const lineWidth = (series: TrajectorySeries): number => (series.kind === 'learner' ? 2.25 : 2.75);

function seriesDataset(series: TrajectorySeries): ScatterDataset {
  const reference = series.kind === 'reference';
  return {
    label: series.label,
    // A playground run is drawn by the chart itself (run-lines.ts): its dataset only gives it a legend entry.
    data: series.kind === 'run' ? [] : series.points.map(([x, y]) => ({ x, y })),
    showLine: true,
    borderColor: series.color,
    backgroundColor: series.color,
    borderWidth: lineWidth(series),
    borderDash: series.kind === 'learner' ? [7, 4] : [],
    pointRadius: reference ? 2 : 0,
    pointHoverRadius: 5,
    // Lower order is drawn later: markers over learner lines over reference lines.
    order: reference ? 2 : 1,
  };
}

/**
 * One axis of the plotted region; both step their ticks by the x range's eighth (the built-in regions are square).
 * Its size is fixed (shared/chart-frame.ts) rather than measured from its labels, so the static picture of the chart
 * in the page's HTML has its plot exactly where this one draws it.
 */
function axis(name: 'x' | 'y', objective: SiteObjective) {
  const yWidth = yAxisWidth(objective);
  return {
    type: 'linear' as const,
    min: objective[name][0],
    max: objective[name][1],
    title: { display: true, text: name, color: INK, font: { size: TITLE_FONT_SIZE, weight: 'bold' as const } },
    grid: { color: GRID_COLOR },
    border: { color: BORDER_COLOR },
    ticks: { stepSize: stepOf(objective), color: TICK_COLOR, callback: tickLabel },
    afterFit(scale: Scale) {
      if (name === 'x') scale.height = X_AXIS_HEIGHT;
      else scale.width = yWidth;
      // The labels' overhang is in the chart's padding: the plot's edges never depend on how wide a label came out.
      [scale.paddingLeft, scale.paddingRight, scale.paddingTop, scale.paddingBottom] = [0, 0, 0, 0];
    },
  };
}

const SWATCH_WIDTH = LEGEND.swatchWidth;
const SWATCH_HEIGHT = LEGEND.swatchHeight;

/**
 * The legend symbol of a dataset, drawn on a small canvas (Chart.js accepts a canvas as a legend point style):
 * a short line for a trajectory, dashed for the learner's, and the marker itself for the start and minimum,
 * all the same width so labels line up.
 */
const swatches = new Map<string, HTMLCanvasElement>();

function legendSwatch(dataset: ScatterDataset): HTMLCanvasElement {
  // Drawn once per look: the legend asks again on every update, and the playground updates on every input.
  const look = [
    dataset.borderColor,
    dataset.backgroundColor,
    dataset.showLine,
    dataset.borderDash,
    dataset.pointStyle,
  ].join('|');
  const known = swatches.get(look);
  if (known) return known;
  const swatch = document.createElement('canvas');
  swatches.set(look, swatch);
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

export interface TrajectoryChartOptions {
  objective: SiteObjective;
  start?: Point;
  /** Called with the data coordinates of a click inside the plot (the playground sets its start point so). */
  onPick?: (point: Point) => void;
}

export class TrajectoryChart {
  private readonly chart: Chart<'scatter', { x: number; y: number }[]>;
  private series: TrajectorySeries[];
  private start: Point;
  private overlay: StepOverlay = { markers: [], arrows: null };
  private readonly objective: SiteObjective;
  private readonly legend: HTMLElement;
  /** Removes the drag listeners when the chart goes (the playground makes a new chart on the same canvas). */
  private readonly listeners = new AbortController();
  private dragged = false;
  /** The chart as drawn before its datasets, for quickRedraw(); only while every trajectory is a playground run. */
  private background: HTMLCanvasElement | null = null;

  constructor(canvas: HTMLCanvasElement, series: TrajectorySeries[], options: TrajectoryChartOptions) {
    const { objective } = options;
    this.objective = objective;
    this.legend = contourLegend(objective);
    canvas.after(this.legend);
    this.start = options.start ?? objective.start;
    this.series = [...series].sort((a, b) => a.rank - b.rank);
    // Chart.js draws the chart once as it is made, contour background included.
    this.chart = measured('Chart.js set-up and first draw', () => this.create(canvas, options));
    if (options.onPick) this.dragStart(canvas, options.onPick);
  }

  private create(canvas: HTMLCanvasElement, options: TrajectoryChartOptions) {
    const { objective } = options;
    return new Chart<'scatter', { x: number; y: number }[]>(canvas, {
      type: 'scatter',
      data: { datasets: this.datasets() },
      plugins: [objectiveContours(objective), this.runLinesPlugin(), stepOverlayPlugin(() => this.overlay)],
      options: {
        onClick: (event) => {
          // The click that ends a drag of the start marker is not a pick of its own.
          if (this.dragged) return void (this.dragged = false);
          if (!options.onPick || event.x === null || event.y === null) return;
          const area = this.chart.chartArea;
          if (event.x < area.left || event.x > area.right || event.y < area.top || event.y > area.bottom) return;
          options.onPick([
            this.chart.scales.x.getValueForPixel(event.x) ?? 0,
            this.chart.scales.y.getValueForPixel(event.y) ?? 0,
          ]);
        },
        animation: false,
        // The data is already Chart.js's own {x, y} form, sorted by nothing: skip parsing; never a gap to look for.
        parsing: false,
        spanGaps: true,
        responsive: true,
        maintainAspectRatio: true,
        aspectRatio: 1,
        layout: { padding: { top: PADDING.top, right: PADDING.right } },
        scales: { x: axis('x', objective), y: axis('y', objective) },
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
              padding: LEGEND.padding,
              font: { size: LEGEND.fontSize },
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

  /** Lets the start marker be dragged: each move picks a new start, so the runs follow the pointer. */
  private dragStart(canvas: HTMLCanvasElement, onPick: (point: Point) => void): void {
    const GRAB_RADIUS_PX = 14;
    const { signal } = this.listeners;
    let dragging = false;
    const near = (event: PointerEvent): boolean => {
      const { x, y } = this.chart.scales;
      return (
        Math.hypot(
          event.offsetX - x.getPixelForValue(this.start[0]),
          event.offsetY - y.getPixelForValue(this.start[1]),
        ) <= GRAB_RADIUS_PX
      );
    };
    const inside = (event: PointerEvent): Point | null => {
      const area = this.chart.chartArea;
      const [px, py] = [
        Math.min(area.right, Math.max(area.left, event.offsetX)),
        Math.min(area.bottom, Math.max(area.top, event.offsetY)),
      ];
      const point: Point = [
        this.chart.scales.x.getValueForPixel(px) ?? NaN,
        this.chart.scales.y.getValueForPixel(py) ?? NaN,
      ];
      return point.every(Number.isFinite) ? point : null;
    };
    const grab = (event: PointerEvent): void => {
      this.dragged = false;
      if (!near(event)) return;
      dragging = true;
      canvas.setPointerCapture(event.pointerId);
      canvas.style.cursor = 'grabbing';
      event.preventDefault();
    };
    const move = (event: PointerEvent): void => {
      if (!dragging) {
        canvas.style.cursor = near(event) ? 'grab' : '';
        return;
      }
      const point = inside(event);
      if (point) onPick(point);
    };
    const release = (): void => {
      this.dragged = dragging;
      dragging = false;
      canvas.style.cursor = '';
    };
    canvas.addEventListener('pointerdown', grab, { signal });
    canvas.addEventListener('pointermove', move, { signal });
    canvas.addEventListener('pointerup', release, { signal });
    canvas.addEventListener('pointercancel', release, { signal });
  }

  private datasets(): ScatterDataset[] {
    return [...this.series.map(seriesDataset), ...markerDatasets(this.start, this.objective.minima)];
  }

  /** The runs drawn as lines, those whose legend entry is not switched off. */
  private drawRuns(chart: Chart): void {
    const lines = this.series.flatMap((series, index) =>
      series.kind === 'run' && chart.isDatasetVisible(index)
        ? [{ points: series.points, color: series.color, width: lineWidth(series) }]
        : [],
    );
    // Last first, as Chart.js draws datasets of the same order: the first run ends up on top.
    drawRunLines(chart, lines.reverse());
  }

  /**
   * Draws the playground's runs under the markers, and keeps what Chart.js drew before them (contours, grid, axes,
   * legend) so that a redraw with only new runs can start from that copy.
   */
  private runLinesPlugin(): Plugin<'scatter'> {
    return {
      id: 'runLines',
      // Where the plot lies in the canvas (CSS px), for the tests that compare it with the page's static picture.
      afterLayout: ({ canvas, chartArea: { left, top, right, bottom } }) => {
        canvas.dataset.plotArea = [left, top, right, bottom].map((v) => Math.round(v * 100) / 100).join(' ');
      },
      beforeDatasetsDraw: (chart) => {
        if (this.series.every((series) => series.kind === 'run')) {
          const copy = (this.background ??= document.createElement('canvas'));
          [copy.width, copy.height] = [chart.canvas.width, chart.canvas.height];
          copy.getContext('2d')!.drawImage(chart.canvas, 0, 0);
        } else this.background = null;
        // The chart passed in: during the first draw, made by Chart.js's constructor, this.chart is not set yet.
        this.drawRuns(chart);
      },
    };
  }

  /**
   * Redraws runs, markers and the scrubbed step over the kept background, without Chart.js's update: only when
   * nothing under them changed (the legend, the start, the size), which a slider's input leaves alone.
   */
  private quickRedraw(): boolean {
    const { background, chart } = this;
    if (!background || background.width !== chart.canvas.width || background.height !== chart.canvas.height)
      return false;
    const { ctx } = chart;
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, background.width, background.height);
    ctx.drawImage(background, 0, 0);
    ctx.restore();
    this.drawRuns(chart);
    // The markers, last dataset first as Chart.js draws datasets of the same order.
    const { datasets } = chart.data;
    for (let index = datasets.length - 1; index >= 0; index--)
      if (datasets[index]!.data.length > 0 && chart.isDatasetVisible(index))
        chart.getDatasetMeta(index).controller.draw();
    drawStepOverlay(chart, this.overlay);
    return true;
  }

  /** What the legend and the markers show: when it changes, Chart.js must lay the chart out again. */
  private look(series: readonly TrajectorySeries[], start: Point): string {
    return JSON.stringify([series.map(({ label, color, kind }) => [label, color, kind]), start]);
  }

  /** Adds a trajectory; learner runs arrive after the chart is first drawn. */
  add(series: TrajectorySeries): void {
    this.series.push(series);
    this.series.sort((a, b) => a.rank - b.rank);
    this.chart.data.datasets = this.datasets();
    this.chart.update();
  }

  /** Replaces every trajectory, the start marker and the scrubbed step at once, in one redraw (the playground). */
  replace(series: TrajectorySeries[], start: Point, overlay: StepOverlay = this.overlay): void {
    const sorted = [...series].sort((a, b) => a.rank - b.rank);
    const same = this.look(sorted, start) === this.look(this.series, this.start);
    this.series = sorted;
    this.start = start;
    this.overlay = overlay;
    if (same && this.quickRedraw()) return;
    this.chart.data.datasets = this.datasets();
    this.chart.update('none');
  }

  /** The scrubbed step's markers and arrows; only redraws, the data stays. */
  showStep(overlay: StepOverlay): void {
    this.overlay = overlay;
    if (!this.quickRedraw()) this.chart.draw();
  }

  destroy(): void {
    this.listeners.abort();
    this.legend.remove();
    this.chart.destroy();
  }
}

/**
 * Removes the static picture of a chart that the page's HTML showed until the live chart was drawn (static-chart.ts):
 * called right after the chart is made, in the same task, so no frame shows neither or both.
 */
export function replaceStaticChart(root: ParentNode): void {
  const pictures = root.querySelectorAll('[data-static-chart]');
  if (pictures.length === 0) return;
  pictures.forEach((picture) => picture.remove());
  performance.mark('static chart replaced');
}
