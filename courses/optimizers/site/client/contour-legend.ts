// The contour map's colour key, under a trajectory chart: one swatch per band, in the map's own colours, with the
// heights of a few contour levels (above the minimum where the function has one, on the log scale the levels use).
import type { SiteObjective } from '../shared/objectives.js';
import { contourKey } from '../shared/contour-ramp.js';

export function contourLegend(objective: SiteObjective): HTMLElement {
  const key = contourKey(objective);
  const legend = document.createElement('div');
  legend.className = 'contour-legend';
  legend.setAttribute('role', 'img');
  legend.setAttribute('aria-label', key.label);
  const bar = Object.assign(document.createElement('span'), { className: 'contour-legend__bar' });
  bar.style.background = key.background;
  const ticks = Object.assign(document.createElement('span'), { className: 'contour-legend__ticks' });
  for (const { text, left } of key.ticks) {
    const tick = Object.assign(document.createElement('span'), { textContent: text });
    tick.style.left = left;
    ticks.append(tick);
  }
  legend.append(
    Object.assign(document.createElement('span'), { className: 'contour-legend__title', textContent: key.title }),
    bar,
    ticks,
  );
  return legend;
}
