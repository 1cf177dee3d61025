// Entry script of every page: the site's styles (KaTeX's stylesheet and fonts come from our own bundle,
// never a CDN), the trajectory charts and, on its page, the playground.
import 'katex/dist/katex.min.css';
import '../styles/site.css';
import { mountTrajectoryPanels } from './trajectory-panel.js';

void mountTrajectoryPanels(document);

const playground = document.querySelector<HTMLElement>('[data-playground]');
// Only the playground page needs its controls; loading them lazily keeps the other pages' script smaller.
if (playground) void import('./playground.js').then(({ mountPlayground }) => mountPlayground(playground));

const heatmap = document.querySelector<HTMLElement>('[data-heatmap]');
// Only the hyperparameter-search page draws the heatmap; its data and worker load with it.
if (heatmap) void import('./search-heatmap-panel.js').then(({ mountSearchHeatmap }) => mountSearchHeatmap(heatmap));
