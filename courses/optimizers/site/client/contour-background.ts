// Chart.js plugin that paints a function's contour map under the chart: filled bands between the given
// levels plus thin contour lines. d3-contour traces the bands once on a grid; each draw only maps them to pixels.
import type { Chart, Plugin, Scale } from 'chart.js';
import { contours } from 'd3-contour';

export interface ContourField {
  f(x: number, y: number): number;
  x: readonly [number, number];
  y: readonly [number, number];
  /** Increasing contour heights. */
  levels: readonly number[];
  /** Grid cells along x; y gets as many as keep the cells square. */
  resolution: number;
  /** Fill for the band above levels[k], given t = k / (levels.length − 1). */
  fill(t: number): string;
  line: string;
}

type Ring = [number, number][];

interface Band {
  /** Polygons (outer ring then holes) in data coordinates, covering where f ≥ the band's level. */
  polygons: Ring[][];
}

function traceBands(field: ContourField): Band[] {
  const [x0, x1] = field.x;
  const [y0, y1] = field.y;
  const n = field.resolution;
  const m = Math.max(2, Math.round((n * (y1 - y0)) / (x1 - x0)));
  const dx = (x1 - x0) / n;
  const dy = (y1 - y0) / m;
  const values = new Array<number>(n * m);
  // d3-contour puts grid value (i, j) at the centre of cell (i, j), hence the half-cell offsets.
  for (let j = 0; j < m; j++) {
    for (let i = 0; i < n; i++) values[i + j * n] = field.f(x0 + (i + 0.5) * dx, y0 + (j + 0.5) * dy);
  }
  const generator = contours()
    .size([n, m])
    .thresholds([...field.levels]);
  return generator(values).map((multiPolygon) => ({
    polygons: multiPolygon.coordinates.map((polygon) =>
      polygon.map((ring) => ring.map(([gx, gy]): [number, number] => [x0 + gx * dx, y0 + gy * dy])),
    ),
  }));
}

function bandPath(xScale: Scale, yScale: Scale, band: Band): Path2D {
  const path = new Path2D();
  for (const polygon of band.polygons) {
    for (const ring of polygon) {
      ring.forEach(([x, y], index) => {
        const px = xScale.getPixelForValue(x);
        const py = yScale.getPixelForValue(y);
        if (index === 0) path.moveTo(px, py);
        else path.lineTo(px, py);
      });
      path.closePath();
    }
  }
  return path;
}

export function contourBackground(field: ContourField): Plugin<'scatter'> {
  let bands: Band[] | null = null;
  // The map painted once per chart size into a canvas of its own: a redraw (every slider input in the
  // playground) then copies pixels instead of filling thousands of ring points again.
  const painted = new WeakMap<Chart, { key: string; image: HTMLCanvasElement }>();
  const paint = (chart: Chart): HTMLCanvasElement => {
    bands ??= traceBands(field);
    const { chartArea: area, currentDevicePixelRatio: ratio } = chart;
    const image = document.createElement('canvas');
    [image.width, image.height] = [chart.canvas.width, chart.canvas.height];
    const ctx = image.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.beginPath();
    ctx.rect(area.left, area.top, area.right - area.left, area.bottom - area.top);
    ctx.clip();
    ctx.fillStyle = field.fill(0);
    ctx.fillRect(area.left, area.top, area.right - area.left, area.bottom - area.top);
    const paths = bands.map((band) => bandPath(chart.scales.x, chart.scales.y, band));
    paths.forEach((path, index) => {
      ctx.fillStyle = field.fill(index / Math.max(1, paths.length - 1));
      ctx.fill(path, 'evenodd');
    });
    ctx.strokeStyle = field.line;
    ctx.lineWidth = 0.75;
    for (const path of paths) ctx.stroke(path);
    return image;
  };
  return {
    id: 'contourBackground',
    // beforeDraw runs after layout but before the grid, so grid lines stay visible on top of the bands.
    beforeDraw(chart) {
      const { chartArea: area, canvas } = chart;
      const key = [
        canvas.width,
        canvas.height,
        area.left,
        area.top,
        area.right,
        area.bottom,
        chart.scales.x.min,
        chart.scales.x.max,
        chart.scales.y.min,
        chart.scales.y.max,
      ].join();
      let map = painted.get(chart);
      if (map?.key !== key) painted.set(chart, (map = { key, image: paint(chart) }));
      const { ctx } = chart;
      ctx.save();
      ctx.setTransform(1, 0, 0, 1, 0, 0);
      ctx.drawImage(map.image, 0, 0);
      ctx.restore();
    },
  };
}
