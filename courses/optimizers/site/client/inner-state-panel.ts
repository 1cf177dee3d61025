// The inner-state panel: for one learner run at the scrubbed step, the gradient, the step taken and every numeric
// field the learner's optimizer instance holds, as found by introspection in the worker.
import type { StepState } from './step-states.js';
import { GRADIENT_ARROW_COLOR, UPDATE_ARROW_COLOR } from './step-overlay-plugin.js';

/** Four significant digits, exponent form only for very large or small magnitudes; typographic minus. */
function format(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  const text =
    magnitude !== 0 && (magnitude >= 1e5 || magnitude < 1e-3)
      ? value.toExponential(3)
      : String(Number(value.toPrecision(4)));
  return text.replace('-', '−');
}
const formatValue = (value: number | number[]): string =>
  Array.isArray(value) ? `[${value.map(format).join(', ')}]` : format(value);

function row(name: string, value: string, swatch?: string): string {
  const mark = swatch ? `<span class="inner-state__swatch" style="--swatch: ${swatch}" aria-hidden="true"></span>` : '';
  return `<tr><th scope="row">${mark}${name}</th><td><code>${value}</code></td></tr>`;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

export function renderInnerState(host: HTMLElement, label: string, step: number, state: StepState | undefined): void {
  if (!state) {
    host.hidden = true;
    return;
  }
  host.hidden = false;
  const fields = Object.entries(state.fields);
  host.innerHTML = `
    <h3 class="inner-state__title">Inside ${escapeHtml(label)} at step ${step}</h3>
    <table class="inner-state__table">
      <tbody>
        ${row(`gradient ∇f(θ<sub>${step}</sub>)`, formatValue(state.gradient), GRADIENT_ARROW_COLOR)}
        ${row(`step taken θ<sub>${step + 1}</sub> − θ<sub>${step}</sub>`, formatValue(state.update), UPDATE_ARROW_COLOR)}
        ${fields.map(([name, value]) => row(`this.${escapeHtml(name)}`, formatValue(value))).join('')}
      </tbody>
    </table>
    <p class="inner-state__note">Fields of your optimizer after its step() at step ${step}, which moved θ<sub>${step}</sub> to θ<sub>${step + 1}</sub>: call ${step + 1} of step(), since steps count from 0 as the chart's points do. Read from the instance itself. On the chart: the red arrow points down the gradient (its length is not to scale), the black one is the step your code took.</p>`;
}
