// Entry script of every page: the site's styles (KaTeX's stylesheet and fonts come from our own bundle,
// never a CDN) and the trajectory charts.
import 'katex/dist/katex.min.css';
import '../styles/site.css';
import { mountTrajectoryPanels } from './trajectory-panel.js';

void mountTrajectoryPanels(document);
