// A marked extension that turns $…$ and $$…$$ into KaTeX HTML at build time, so pages show typeset
// formulas without shipping KaTeX's JavaScript (the browser only gets its stylesheet and fonts).
import katex from 'katex';
import type { MarkedExtension, Tokens } from 'marked';

interface MathToken extends Tokens.Generic {
  type: 'blockMath' | 'inlineMath';
  raw: string;
  tex: string;
  display: boolean;
}

function typeset(tex: string, display: boolean): string {
  // throwOnError: a typo in a formula should stop the build rather than ship red error text.
  return katex.renderToString(tex, {
    displayMode: display,
    throwOnError: true,
    strict: 'error',
    output: 'htmlAndMathml',
  });
}

const BLOCK = /^\$\$([\s\S]+?)\$\$[^\S\n]*(?:\n|$)/;
const INLINE_DISPLAY = /^\$\$([\s\S]+?)\$\$/;
// A closing $ followed by a digit is more likely a price than math; none of the course uses that, but be safe.
const INLINE = /^\$((?:\\.|[^\\$\n])+?)\$(?!\d)/;

export function markdownMath(): MarkedExtension {
  return {
    extensions: [
      {
        name: 'blockMath',
        level: 'block',
        // Only a $$ at the start of a line may interrupt a paragraph; one mid-line is inline display math.
        start: (src) => /^\$\$/m.exec(src)?.index,
        tokenizer(src): MathToken | undefined {
          const match = BLOCK.exec(src);
          if (match) return { type: 'blockMath', raw: match[0], tex: match[1].trim(), display: true };
          return undefined;
        },
        renderer: (token) => `<div class="math-display">${typeset((token as MathToken).tex, true)}</div>\n`,
      },
      {
        name: 'inlineMath',
        level: 'inline',
        start: (src) => {
          const index = src.indexOf('$');
          return index < 0 ? undefined : index;
        },
        tokenizer(src): MathToken | undefined {
          const display = INLINE_DISPLAY.exec(src);
          if (display) return { type: 'inlineMath', raw: display[0], tex: display[1].trim(), display: true };
          const inline = INLINE.exec(src);
          if (inline) return { type: 'inlineMath', raw: inline[0], tex: inline[1], display: false };
          return undefined;
        },
        renderer: (token) => typeset((token as MathToken).tex, (token as MathToken).display),
      },
    ],
  };
}
