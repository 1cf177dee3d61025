// The contour map's colour key, under a trajectory chart: one swatch per band, in the map's own colours, with the
// heights of a few contour levels (above the minimum where the function has one, on the log scale the levels use).
import type { SiteObjective } from '../shared/objectives.js';
import { levelsOf } from '../shared/contour-levels.js';
import { rampColor } from './objective-contours.js';

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

export function contourLegend(objective: SiteObjective): HTMLElement {
  const levels = levelsOf(objective);
  const above = objective.minValue;
  const shown = levels.map((level) => (above === null ? level : level - above));
  const n = levels.length;
  // Band k lies between levels k − 1 and k; hard stops so each band reads as the flat colour it has on the map.
  const stops = Array.from(
    { length: n },
    (_, k) => `${rampColor(k / (n - 1))} ${((k / n) * 100).toFixed(2)}% ${(((k + 1) / n) * 100).toFixed(2)}%`,
  );
  const legend = document.createElement('div');
  legend.className = 'contour-legend';
  const title = above === null ? 'f' : 'f − f*';
  legend.setAttribute('role', 'img');
  legend.setAttribute(
    'aria-label',
    `Contour colours: ${title} from ${formatLevel(shown[0]!)} (lightest) to ${formatLevel(shown[n - 1]!)} (darkest)${above === null ? '' : ', levels spaced on a log scale'}`,
  );
  const bar = Object.assign(document.createElement('span'), { className: 'contour-legend__bar' });
  bar.style.background = `linear-gradient(to right, ${stops.join(', ')})`;
  const ticks = Object.assign(document.createElement('span'), { className: 'contour-legend__ticks' });
  for (let t = 0; t < TICKS; t++) {
    const k = Math.round((t * (n - 1)) / (TICKS - 1));
    const tick = Object.assign(document.createElement('span'), { textContent: formatLevel(shown[k]!) });
    tick.style.left = `${(((k + 1) / n) * 100).toFixed(2)}%`;
    ticks.append(tick);
  }
  legend.append(
    Object.assign(document.createElement('span'), { className: 'contour-legend__title', textContent: title }),
    bar,
    ticks,
  );
  return legend;
}
