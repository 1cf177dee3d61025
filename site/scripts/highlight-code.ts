// TypeScript → highlighted HTML at build time with highlight.js core and only its TypeScript grammar, so pages
// ship coloured <pre> blocks and no highlighter JavaScript.
import hljs from 'highlight.js/lib/core';
import typescript from 'highlight.js/lib/languages/typescript';

hljs.registerLanguage('typescript', typescript);

/** Escaped, `hljs-*`-classed HTML for the inside of a <code> element. */
export function highlightTypeScript(code: string): string {
  return hljs.highlight(code, { language: 'typescript', ignoreIllegals: true }).value;
}
