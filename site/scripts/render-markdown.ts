// Course markdown → HTML: GitHub-flavoured markdown through marked, with TeX math typeset by KaTeX.
import { Marked } from 'marked';
import { markdownMath } from './markdown-math.js';

const marked = new Marked({ gfm: true }, markdownMath());

export function renderMarkdown(source: string): string {
  return marked.parse(source, { async: false });
}

/** The text of the first level-one heading and the markdown without it, so a template can place the title itself. */
export function splitTitle(source: string): { title: string | null; body: string } {
  const match = /^#[ \t]+(.+?)[ \t]*#*[ \t]*$/m.exec(source);
  if (!match) return { title: null, body: source };
  return { title: match[1], body: source.slice(0, match.index) + source.slice(match.index + match[0].length) };
}
