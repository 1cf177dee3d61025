// The playground's "Your formula…" controls: f(x, y) typed as text, the region it is plotted over, and a note
// that shows its derivatives or says what is wrong. mathjs loads on the first compile, not with the page.
import type { FormulaSetting } from '../shared/playground-presets.js';
import type { CompiledFormula } from './formula.js';
import { labelled } from './labelled-field.js';

export interface FormulaField {
  element: HTMLElement;
  /** Shows `formula` in the inputs (a preset, the URL). */
  set(formula: FormulaSetting): void;
  /** Compiles `formula` and shows its derivatives; null, with the reason shown, when it is not a formula. */
  compile(formula: FormulaSetting): Promise<CompiledFormula | null>;
}

/** Typing is debounced: each new formula is differentiated and its contours traced anew. */
const SETTLE_MS = 250;

function input(id: string, type: 'text' | 'number'): HTMLInputElement {
  const field = document.createElement('input');
  [field.id, field.type] = [id, type];
  if (type === 'number') field.step = 'any';
  else [field.spellcheck, field.autocomplete] = [false, 'off'];
  return field;
}

/** `onEdit` gets the edited formula once typing has settled; a region whose ends are out of order is not passed on. */
export function formulaField(onEdit: (formula: FormulaSetting) => void): FormulaField {
  const text = input('playground-formula', 'text');
  const region = ['x from', 'x to', 'y from', 'y to'].map(
    (label, k) => [label, input(`playground-region-${k}`, 'number')] as const,
  );
  const note = Object.assign(document.createElement('p'), { className: 'playground__formula-note' });
  note.setAttribute('aria-live', 'polite');
  const regionRow = Object.assign(document.createElement('div'), { className: 'playground__region' });
  regionRow.append(...region.map(([label, field]) => labelled(label, field)));
  const element = Object.assign(document.createElement('div'), { className: 'playground__formula' });
  element.append(labelled('f(x, y) =', text), regionRow, note);

  let timer = 0;
  const edited = (): void => {
    const [x0, x1, y0, y1] = region.map(([, field]) => Number(field.value));
    if (
      region.some(([, field]) => field.value === '') ||
      ![x0, x1, y0, y1].every(Number.isFinite) ||
      !(x0! < x1!) ||
      !(y0! < y1!)
    )
      return;
    clearTimeout(timer);
    timer = window.setTimeout(() => onEdit({ text: text.value, x: [x0!, x1!], y: [y0!, y1!] }), SETTLE_MS);
  };
  text.addEventListener('input', edited);
  for (const [, field] of region) field.addEventListener('input', edited);

  return {
    element,
    set(formula) {
      if (text.value !== formula.text) text.value = formula.text;
      [...formula.x, ...formula.y].forEach((value, k) => {
        const field = region[k]![1];
        if (field.value === '' || Number(field.value) !== value) field.value = String(value);
      });
    },
    async compile(formula) {
      note.textContent = 'Differentiating…';
      const { compileFormula } = await import('./formula.js');
      const compiled = compileFormula(formula.text, { x: formula.x, y: formula.y });
      const failed = 'error' in compiled;
      note.classList.toggle('playground__formula-note--error', failed);
      note.textContent = failed
        ? compiled.error
        : `∂f/∂x = ${compiled.derivatives[0]};  ∂f/∂y = ${compiled.derivatives[1]}`;
      return failed ? null : compiled;
    },
  };
}
