// Build plugin: a page with formulas asks for KaTeX's two commonest fonts from its <head>. Otherwise the browser
// finds it needs them only while it lays the page out, and lays the formulas out a second time once they arrive,
// which on a slow laptop holds back the page's first frames.
import type { Plugin, Rollup } from 'vite';
import { pageHref } from './page-href.js';

/** A font file of KaTeX's, and the mark of its use in KaTeX's HTML. */
interface MathFont {
  file: string;
  usedIn: (html: string) => boolean;
}

// Every formula sets its upright symbols and digits in KaTeX_Main and its variables in KaTeX_Math's italic; the
// rarer faces (bold, large delimiters, script) stay loaded on demand.
const FONTS: readonly MathFont[] = [
  { file: 'KaTeX_Main-Regular.woff2', usedIn: (html) => html.includes('class="katex"') },
  { file: 'KaTeX_Math-Italic.woff2', usedIn: (html) => /class="[^"]*\bmathnormal\b/.test(html) },
];

/** The asset the build made of a font file of KaTeX's stylesheet, by its original name. */
function emitted(bundle: Rollup.OutputBundle, file: string): string | undefined {
  return Object.values(bundle).find(
    (output) => output.type === 'asset' && output.originalFileNames.some((name) => name.endsWith(`/fonts/${file}`)),
  )?.fileName;
}

export function mathFontPreload(): Plugin {
  return {
    name: 'math-font-preload',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, { path, bundle }) {
        if (!bundle) return html;
        const files = FONTS.filter((font) => font.usedIn(html)).flatMap((font) => emitted(bundle, font.file) ?? []);
        return files.map((file) => ({
          tag: 'link',
          // Fonts are fetched in CORS mode; a preload without crossorigin would be fetched a second time.
          attrs: { rel: 'preload', as: 'font', type: 'font/woff2', crossorigin: true, href: pageHref(path, file) },
          injectTo: 'head' as const,
        }));
      },
    },
  };
}
