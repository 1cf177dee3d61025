// The backprop course's site plug-in: computation graphs built with the learner's own engine beside the reference's,
// and the learner's network trained on two moons, with the reference numbers computed at build time from solutions/.
import type { SitePlugin } from '../../../site/scripts/site-plugin.js';
import { widgetsFor } from './widgets.js';

export default {
  client: 'client/course-page.ts',
  widgets: widgetsFor,
  data: {
    // Imported only when run: they import solutions/, which a student kit does not have.
    'backprop-graphs': async () => (await import('./data/reference-graphs.js')).referenceGraphs(),
    'backprop-network': async () => (await import('./data/reference-network.js')).referenceNetwork(),
  },
  footer: 'Graphs and the network marked "yours" come from your own code in exercises/backprop, run in your browser.',
} satisfies SitePlugin;
