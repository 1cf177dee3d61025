// The loss chart's numbers as a table, one row per step, the learner's column filled in as steps arrive: the chart
// in a form a screen reader can read and a learner can copy.
import type { History } from '../shared/network-demo.js';

export interface LossTable {
  setLearner(k: number, step: History): void;
}

const cell = (text: string): HTMLTableCellElement => Object.assign(document.createElement('td'), { textContent: text });

export function mountLossTable(body: HTMLTableSectionElement, reference: readonly History[]): LossTable {
  const learnerCells = reference.map((step, k) => {
    const row = document.createElement('tr');
    row.dataset.step = String(k);
    const learner = cell('—');
    learner.dataset.learnerLoss = '';
    // Full precision: this is where a learner compares their numbers with the reference's.
    row.append(cell(String(k)), cell(String(step.loss)), learner);
    body.append(row);
    return learner;
  });
  return {
    setLearner(k, step) {
      const target = learnerCells[k];
      if (!target) return;
      target.textContent = String(step.loss);
      target.dataset.learnerLoss = String(step.loss);
    },
  };
}
