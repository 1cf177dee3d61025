// The banana function's contour map as drawn under every chart: the plotted region, log-spaced levels and
// a light colour ramp, handed to the generic contour-background plugin.
import { rosenbrocksBanana } from '../../exercises/optimizers/banana.js';
import { contourBackground } from './contour-background.js';

export const X_RANGE = [-2, 2] as const;
export const Y_RANGE = [-1, 3] as const;
// f − 1 spans 0 to about 2500 here; log-spaced heights show the flat valley and the steep walls alike.
const LEVELS = Array.from({ length: 20 }, (_, k) => 1 + 10 ** (-1 + (4.5 * k) / 19));

type Rgb = [number, number, number];

// Low ground in warm cream, through pale green and sky, up to a soft periwinkle on the steep walls: distinct
// bands, yet light enough for every trajectory colour to stand out on top.
const RAMP: Rgb[] = [
  [255, 248, 220],
  [236, 247, 222],
  [218, 238, 246],
  [206, 218, 243],
  [190, 198, 234],
];

function rampColor(t: number): string {
  const position = Math.min(Math.max(t, 0), 1) * (RAMP.length - 1);
  const low = Math.min(Math.floor(position), RAMP.length - 2);
  const share = position - low;
  const channel = (i: number) => Math.round(RAMP[low][i] + (RAMP[low + 1][i] - RAMP[low][i]) * share);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

export const bananaContours = contourBackground({
  f: (x, y) => rosenbrocksBanana(x, y),
  x: X_RANGE,
  y: Y_RANGE,
  levels: LEVELS,
  resolution: 200,
  fill: rampColor,
  line: 'rgba(51, 65, 85, 0.22)',
});
