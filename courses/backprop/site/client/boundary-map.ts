// A trained network's decision boundary: its score over a grid of the plane, orange where positive (class +1) and
// blue where negative (class −1), paler near 0, with the training points on a canvas of their own above it (squares
// for +1, circles for −1, so the classes differ by shape as well as colour).
import type { Grid } from '../shared/network-demo.js';

export const POSITIVE: [number, number, number] = [234, 88, 12];
export const NEGATIVE: [number, number, number] = [37, 99, 235];
/** The score at which a cell reaches its class's full colour (the hinge loss asks for a margin of 1). */
const FULL_AT = 1;

function sized(canvas: HTMLCanvasElement): { ctx: CanvasRenderingContext2D; width: number; height: number } {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth || 260;
  const height = canvas.clientHeight || width;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(height * ratio);
  const ctx = canvas.getContext('2d')!;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  return { ctx, width, height };
}

/** A cell's colour: its class's colour, mixed with white the more the nearer the score is to 0. */
function cellColor(score: number): [number, number, number, number] {
  if (!Number.isFinite(score)) return [160, 160, 160, 255];
  const [r, g, b] = score > 0 ? POSITIVE : NEGATIVE;
  const strength = 0.25 + 0.6 * Math.min(1, Math.abs(score) / FULL_AT);
  const mix = (c: number) => Math.round(255 - strength * (255 - c));
  return [mix(r), mix(g), mix(b), 255];
}

/** Paints the scores known so far (a missing one stays blank), one grid cell per source pixel, smoothed up. */
export function drawField(canvas: HTMLCanvasElement, grid: Grid, scores: readonly (number | undefined)[]): void {
  const { ctx, width, height } = sized(canvas);
  const cells = new ImageData(grid.cells, grid.cells);
  scores.forEach((score, i) => {
    if (score === undefined) return;
    cells.data.set(cellColor(score), 4 * i);
  });
  const source = document.createElement('canvas');
  source.width = source.height = grid.cells;
  source.getContext('2d')!.putImageData(cells, 0, 0);
  ctx.clearRect(0, 0, width, height);
  ctx.imageSmoothingEnabled = true;
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, width, height);
}

/** Where a point of the plane lands on a canvas of the map, in CSS pixels. */
export function toPixel(grid: Grid, [x, y]: number[], width: number, height: number): [number, number] {
  return [((x! - grid.xMin) / (grid.xMax - grid.xMin)) * width, ((grid.yMax - y!) / (grid.yMax - grid.yMin)) * height];
}

export function drawPoints(
  canvas: HTMLCanvasElement,
  grid: Grid,
  points: readonly number[][],
  labels: readonly number[],
): void {
  const { ctx, width, height } = sized(canvas);
  ctx.clearRect(0, 0, width, height);
  ctx.lineWidth = 1.25;
  ctx.strokeStyle = '#0f172a';
  points.forEach((point, i) => {
    const [px, py] = toPixel(grid, point, width, height);
    const [r, g, b] = labels[i]! > 0 ? POSITIVE : NEGATIVE;
    ctx.fillStyle = `rgb(${r}, ${g}, ${b})`;
    ctx.beginPath();
    if (labels[i]! > 0) ctx.rect(px - 3.5, py - 3.5, 7, 7);
    else ctx.arc(px, py, 4, 0, 2 * Math.PI);
    ctx.fill();
    ctx.stroke();
  });
}
