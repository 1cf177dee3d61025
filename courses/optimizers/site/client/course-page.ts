// The optimizers course's browser module, loaded by every page of the course: its widgets' styles, the trajectory
// charts and, on their pages only, the playground and the hyperparameter-search heatmap.
import '../styles/widgets.css';
import { mountTrajectoryPanels } from './trajectory-panel.js';

void mountTrajectoryPanels(document);

const playground = document.querySelector<HTMLElement>('[data-playground]');
// Only the playground page needs its controls; loading them lazily keeps the other pages' script smaller.
if (playground) void import('./playground.js').then(({ mountPlayground }) => mountPlayground(playground));

const heatmap = document.querySelector<HTMLElement>('[data-heatmap]');
// Only the hyperparameter-search page draws the heatmap; its data and worker load with it.
if (heatmap) void import('./search-heatmap-panel.js').then(({ mountSearchHeatmap }) => mountSearchHeatmap(heatmap));
