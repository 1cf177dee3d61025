// The contour map's colours, lightest at the lowest level, and its colour key's contents: shared by the live chart
// (client/objective-contours.ts, client/contour-legend.ts) and the static picture of it written at build time.
import { levelsOf } from './contour-levels.js';
import type { SiteObjective } from './objectives.js';

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

export function rampColor(t: number): string {
  const position = Math.min(Math.max(t, 0), 1) * (RAMP.length - 1);
  const low = Math.min(Math.floor(position), RAMP.length - 2);
  const share = position - low;
  const channel = (i: number) => Math.round(RAMP[low][i] + (RAMP[low + 1][i] - RAMP[low][i]) * share);
  return `rgb(${channel(0)}, ${channel(1)}, ${channel(2)})`;
}

const TICKS = 5;

/** Two significant digits, exponent form only far from 1, typographic minus. */
function formatLevel(value: number): string {
  const magnitude = Math.abs(value);
  const text =
    magnitude !== 0 && (magnitude >= 1e4 || magnitude < 1e-3)
      ? value.toExponential(0)
      : String(Number(value.toPrecision(2)));
  return text.replace('-', '−');
}

export interface ContourKey {
  title: string;
  label: string;
  /** The bar's CSS background. */
  background: string;
  ticks: { text: string; left: string }[];
}

/** The colour key under a chart: one flat swatch per band, with the heights of a few levels. */
export function contourKey(objective: SiteObjective): ContourKey {
  const levels = levelsOf(objective);
  const above = objective.minValue;
  const shown = levels.map((level) => (above === null ? level : level - above));
  const n = levels.length;
  // Band k lies between levels k − 1 and k; hard stops so each band reads as the flat colour it has on the map.
  const stops = Array.from(
    { length: n },
    (_, k) => `${rampColor(k / (n - 1))} ${((k / n) * 100).toFixed(2)}% ${(((k + 1) / n) * 100).toFixed(2)}%`,
  );
  const title = above === null ? 'f' : 'f − f*';
  return {
    title,
    label: `Contour colours: ${title} from ${formatLevel(shown[0]!)} (lightest) to ${formatLevel(shown[n - 1]!)} (darkest)${above === null ? '' : ', levels spaced on a log scale'}`,
    background: `linear-gradient(to right, ${stops.join(', ')})`,
    ticks: Array.from({ length: TICKS }, (_, t) => {
      const k = Math.round((t * (n - 1)) / (TICKS - 1));
      return { text: formatLevel(shown[k]!), left: `${(((k + 1) / n) * 100).toFixed(2)}%` };
    }),
  };
}
