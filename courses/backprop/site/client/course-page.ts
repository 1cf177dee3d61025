// The backprop course's browser module, loaded by every page of the course: its widgets' styles, and on the pages
// that have them, the computation graphs and the network's training (each loaded only there, with its worker).
import '../styles/widgets.css';

const graphs = [...document.querySelectorAll<HTMLElement>('figure[data-graph]')];
if (graphs.length > 0) void import('./graph-panel.js').then(({ mountGraphPanels }) => mountGraphPanels(graphs));

const network = document.querySelector<HTMLElement>('figure[data-network]');
if (network) void import('./network-panel.js').then(({ mountNetworkPanel }) => mountNetworkPanel(network));
