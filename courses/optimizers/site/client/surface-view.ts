// A small 3-D view of a function's surface with the runs drawn on it: a shaded mesh projected onto a 2-D canvas,
// rotated by dragging or with the arrow keys. Heights are log-scaled, like the contours, so valleys stay visible.
import type { Point } from '../shared/demo-runs.js';
import type { SiteObjective } from '../shared/objectives.js';

export interface SurfaceRun {
  points: Point[];
  color: string;
}

const GRID = 44;
const HEIGHT = 0.9;

type Vec3 = [number, number, number];

/** Height in [0, 1]: log of f above its minimum where it has one, else f itself, scaled over the plotted region. */
function heightField(objective: SiteObjective): (x: number, y: number) => number {
  const [x0, x1] = objective.x;
  const [y0, y1] = objective.y;
  let [low, high] = [Infinity, -Infinity];
  for (let i = 0; i <= GRID; i++) {
    for (let j = 0; j <= GRID; j++) {
      const value = objective.value(x0 + ((x1 - x0) * i) / GRID, y0 + ((y1 - y0) * j) / GRID);
      [low, high] = [Math.min(low, value), Math.max(high, value)];
    }
  }
  if (objective.minValue === null) return (x, y) => (objective.value(x, y) - low) / (high - low);
  const floor = objective.minValue;
  // A floor 2.5 decades below the top: deeper, and a valley narrower than a grid cell turns into jagged spikes.
  const offset = (high - floor) * 3e-3;
  const [top, bottom] = [Math.log10(high - floor + offset), Math.log10(offset)];
  return (x, y) => (Math.log10(Math.max(objective.value(x, y) - floor, 0) + offset) - bottom) / (top - bottom);
}

function shade(t: number, light: number): string {
  // Cream valleys to periwinkle walls, as the contour map, darkened on faces turned away from the light.
  const low: Vec3 = [255, 244, 205];
  const high: Vec3 = [120, 130, 220];
  const c = low.map((v, k) => Math.round((v + (high[k] - v) * Math.min(1, Math.max(0, t))) * (0.55 + 0.45 * light)));
  return `rgb(${c[0]}, ${c[1]}, ${c[2]})`;
}

export class SurfaceView {
  private yaw = -0.6;
  private pitch = 0.9;
  private objective: SiteObjective | null = null;
  private height: (x: number, y: number) => number = () => 0;
  private runs: SurfaceRun[] = [];
  private mesh: { key: string; image: HTMLCanvasElement } | null = null;
  private size = { width: 0, height: 0 };

  constructor(private readonly canvas: HTMLCanvasElement) {
    canvas.tabIndex = 0;
    let drag: { x: number; y: number } | null = null;
    canvas.addEventListener('pointerdown', (event) => {
      drag = { x: event.clientX, y: event.clientY };
      canvas.setPointerCapture(event.pointerId);
    });
    canvas.addEventListener('pointermove', (event) => {
      if (!drag) return;
      this.rotate((event.clientX - drag.x) * 0.01, (event.clientY - drag.y) * 0.01);
      drag = { x: event.clientX, y: event.clientY };
    });
    canvas.addEventListener('pointerup', () => (drag = null));
    canvas.addEventListener('keydown', (event) => {
      const turns: Record<string, [number, number]> = {
        ArrowLeft: [-0.1, 0],
        ArrowRight: [0.1, 0],
        ArrowUp: [0, -0.1],
        ArrowDown: [0, 0.1],
      };
      const turn = turns[event.key];
      if (!turn) return;
      event.preventDefault();
      this.rotate(...turn);
    });
    // The size comes from the observer, so that drawing never forces a layout in the middle of an update.
    new ResizeObserver(([entry]) => {
      this.size = { width: entry!.contentRect.width, height: entry!.contentRect.height };
      this.draw();
    }).observe(canvas);
  }

  private rotate(dYaw: number, dPitch: number): void {
    this.yaw += dYaw;
    // Between looking straight down and looking from the side: beyond, the surface would be seen from below.
    this.pitch = Math.min(Math.PI / 2, Math.max(0.1, this.pitch + dPitch));
    this.draw();
  }

  show(objective: SiteObjective, runs: SurfaceRun[]): void {
    if (objective !== this.objective) {
      this.objective = objective;
      this.height = heightField(objective);
      this.mesh = null;
    }
    this.runs = runs;
    this.draw();
  }

  /** Plot coordinates → unit cube centred on the origin → rotated view space (x right, y up, z towards the eye). */
  private view(x: number, y: number, h: number): Vec3 {
    const objective = this.objective!;
    const u = ((x - objective.x[0]) / (objective.x[1] - objective.x[0])) * 2 - 1;
    const v = ((y - objective.y[0]) / (objective.y[1] - objective.y[0])) * 2 - 1;
    const w = (h - 0.5) * HEIGHT;
    const [cy, sy] = [Math.cos(this.yaw), Math.sin(this.yaw)];
    const [rx, ry] = [u * cy - v * sy, u * sy + v * cy];
    const [cp, sp] = [Math.cos(this.pitch), Math.sin(this.pitch)];
    return [rx, w * sp + ry * cp, w * cp - ry * sp];
  }

  draw(): void {
    const objective = this.objective;
    const rect = this.size;
    if (!objective || rect.width === 0) return;
    const ratio = window.devicePixelRatio || 1;
    const [width, height] = [Math.round(rect.width * ratio), Math.round(rect.height * ratio)];
    // Resizing a canvas reallocates it: only when its size really changed.
    if (this.canvas.width !== width || this.canvas.height !== height)
      [this.canvas.width, this.canvas.height] = [width, height];
    // The unit square spans up to 2√2 across when turned; this fills the canvas at most angles without clipping.
    const scale = Math.min(rect.width * 0.36, rect.height * 0.5);
    const screen = ([x, y]: Vec3): [number, number] => [rect.width / 2 + x * scale, rect.height / 2 - y * scale];
    // The mesh changes only with the function, the angle or the size; the runs change on every playground input.
    const key = [this.yaw, this.pitch, width, height].join();
    if (this.mesh?.key !== key) this.mesh = { key, image: this.paintMesh(objective, width, height, ratio, screen) };
    const ctx = this.canvas.getContext('2d')!;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.drawImage(this.mesh.image, 0, 0);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    for (const run of this.runs) {
      ctx.beginPath();
      run.points.forEach(([x, y], k) => {
        const [px, py] = screen(this.view(x, y, Math.min(1, Math.max(0, this.height(x, y))) + 0.01));
        if (k === 0) ctx.moveTo(px, py);
        else ctx.lineTo(px, py);
      });
      ctx.strokeStyle = run.color;
      ctx.lineWidth = 2.25;
      ctx.stroke();
    }
  }

  private paintMesh(
    objective: SiteObjective,
    width: number,
    height: number,
    ratio: number,
    screen: (point: Vec3) => [number, number],
  ): HTMLCanvasElement {
    const image = document.createElement('canvas');
    [image.width, image.height] = [width, height];
    const ctx = image.getContext('2d')!;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    const [x0, x1] = objective.x;
    const [y0, y1] = objective.y;
    const at = (i: number, j: number): [number, number] => [x0 + ((x1 - x0) * i) / GRID, y0 + ((y1 - y0) * j) / GRID];
    const heights: number[][] = [];
    for (let i = 0; i <= GRID; i++)
      heights.push(Array.from({ length: GRID + 1 }, (_, j) => Math.min(1, Math.max(0, this.height(...at(i, j))))));

    const quads: { depth: number; corners: Vec3[]; t: number }[] = [];
    for (let i = 0; i < GRID; i++) {
      for (let j = 0; j < GRID; j++) {
        const corners = [
          [i, j],
          [i + 1, j],
          [i + 1, j + 1],
          [i, j + 1],
        ].map(([a, b]) => this.view(...at(a, b), heights[a][b]));
        const t = (heights[i][j] + heights[i + 1][j] + heights[i + 1][j + 1] + heights[i][j + 1]) / 4;
        quads.push({ depth: corners.reduce((sum, c) => sum + c[2], 0) / 4, corners, t });
      }
    }
    // Painter's algorithm: far quads first, so near ones cover them.
    quads.sort((a, b) => a.depth - b.depth);
    for (const { corners, t } of quads) {
      const [a, b, , d] = corners;
      const normal = [
        (b[1] - a[1]) * (d[2] - a[2]) - (b[2] - a[2]) * (d[1] - a[1]),
        (b[2] - a[2]) * (d[0] - a[0]) - (b[0] - a[0]) * (d[2] - a[2]),
        (b[0] - a[0]) * (d[1] - a[1]) - (b[1] - a[1]) * (d[0] - a[0]),
      ];
      const light = Math.abs(normal[2]) / (Math.hypot(...normal) || 1);
      ctx.beginPath();
      corners.map(screen).forEach(([px, py], k) => (k === 0 ? ctx.moveTo(px, py) : ctx.lineTo(px, py)));
      ctx.closePath();
      ctx.fillStyle = shade(t, light);
      ctx.fill();
      ctx.strokeStyle = 'rgba(51, 65, 85, 0.12)';
      ctx.lineWidth = 0.5;
      ctx.stroke();
    }
    return image;
  }
}
