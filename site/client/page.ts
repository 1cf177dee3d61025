/// <reference types="vite/client" />
// Entry script of every page: the site's styles (KaTeX's stylesheet and fonts come from our own bundle, never a CDN),
// then the page's course's own browser module, if its plug-in has one, which brings that course's widgets to life.
import 'katex/dist/katex.min.css';
import '../styles/site.css';
import { clients } from 'virtual:course-clients';

// The built site cannot watch anything, so its top bar tells how to see one's own code live; under `npm run site`
// that is what is happening already, and the bar says so instead.
const hint = document.querySelector('.topbar__hint');
if (import.meta.hot && hint) hint.textContent = 'Live: saving a file under exercises/ redraws this page';

// The course's module (its widgets, their charting library) starts once the page has been painted: run before that
// frame, its set-up would hold back the page's first paint, text and any picture of a widget written into the HTML
// at build time included. Its files are preloaded meanwhile (course-client-preload-plugin.ts), so only their
// evaluation waits: a task of its own, posted from the first frame's animation callback, runs after that frame. A tab
// opened in the background paints nothing, so there it starts at once.
const course = document.body.dataset.course ?? '';
if (Object.hasOwn(clients, course)) {
  const start = (): void => void clients[course]!();
  if (document.visibilityState === 'hidden') start();
  else
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = start;
      channel.port2.postMessage(null);
    });
}
