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

const course = document.body.dataset.course ?? '';
if (Object.hasOwn(clients, course)) void clients[course]!();
