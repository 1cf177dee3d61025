// The optimizers course's site plug-in: its chart widgets and their browser module, the playground page, and the
// data the charts need from the reference solutions (computed in Node, shipped to the browser as numbers only).
import type { SitePlugin } from '../../../site/scripts/site-plugin.js';
import { DEFAULT_SETTINGS } from './shared/playground-presets.js';
import { playgroundData, widgetsFor } from './widgets.js';

export default {
  client: 'client/course-page.ts',
  // mathjs and d3-contour load only once a learner picks "Your formula…" in the playground (the built-in functions'
  // contours are traced at build time); the charts' library with the first page. Pre-bundled at start, none of them
  // makes the dev server reload a page mid-choice.
  browserDeps: ['mathjs', 'chart.js', 'd3-contour'],
  widgets: widgetsFor,
  pages: [{ id: 'playground', title: 'Playground' }],
  pageData: (id, data) => (id === 'playground' ? playgroundData(data, DEFAULT_SETTINGS.start) : {}),
  data: {
    // Imported only when run: they import solutions/, which a student kit does not have.
    'reference-trajectories': async () => (await import('./data/reference-runs.js')).runReferences(),
    'search-heatmap': async () => (await import('./data/search-heatmap-runs.js')).runSearchHeatmap(),
    'panel-contour-maps': async () => (await import('./data/contour-maps.js')).panelContourMaps(),
    'playground-contour-maps': async () => (await import('./data/contour-maps.js')).playgroundContourMaps(),
  },
  howItWorks: 'how-it-works',
  footer: 'Dashed lines on the charts come from your own code in exercises/optimizers, run in your browser.',
} satisfies SitePlugin;
