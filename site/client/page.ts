// Entry script of every page: the site's styles (KaTeX's stylesheet and fonts come from our own bundle, never a CDN),
// then the page's course's own browser module, if its plug-in has one, which brings that course's widgets to life.
import 'katex/dist/katex.min.css';
import '../styles/site.css';
import { clients } from 'virtual:course-clients';

const course = document.body.dataset.course ?? '';
if (Object.hasOwn(clients, course)) void clients[course]!();
