// The table under a graph: each value's data and grad, yours beside the reference's, with a word for each verdict,
// so that what the drawing marks can also be read (and copied) as numbers.
import { differs, type NodeComparison, type Verdict } from '../shared/graph-comparison.js';
import type { GraphSnapshot, SnapshotNode } from '../shared/graph-snapshot.js';
import { formatApart, formatNumber } from './number-format.js';

const VERDICTS: Record<Verdict, string> = {
  same: 'matches',
  'grad-differs': 'grad differs',
  'data-differs': 'data differs',
  'no-counterpart': 'not in the reference',
};

const nameOf = (node: SnapshotNode): string => node.name ?? `made inside (${node.op || 'leaf'})`;

function row(cells: string[], header = false): HTMLTableRowElement {
  const tr = document.createElement('tr');
  for (const text of cells) {
    const cell = document.createElement(header ? 'th' : 'td');
    cell.textContent = text;
    tr.append(cell);
  }
  return tr;
}

function table(head: string[], rows: HTMLTableRowElement[], caption: string): HTMLTableElement {
  const made = document.createElement('table');
  made.className = 'graph-table';
  made.createCaption().textContent = caption;
  made.createTHead().append(row(head, true));
  made.createTBody().append(...rows);
  return made;
}

/** The reference's values alone, while the learner's code does not run. */
export function referenceTable(reference: GraphSnapshot): HTMLTableElement {
  return table(
    ['value', 'op', 'data', 'grad'],
    reference.nodes.map((node) => row([nameOf(node), node.op, formatNumber(node.data), formatNumber(node.grad)])),
    'The reference solution’s values',
  );
}

export function comparisonTable(
  learner: GraphSnapshot,
  comparisons: ReadonlyMap<string, NodeComparison>,
): HTMLTableElement {
  const rows = learner.nodes.map((node) => {
    const { verdict, reference } = comparisons.get(node.key)!;
    const tr = row([
      nameOf(node),
      node.op,
      formatNumber(node.data),
      reference ? formatApart(reference.data, node.data) : '—',
      formatNumber(node.grad),
      reference ? formatApart(reference.grad, node.grad) : '—',
      VERDICTS[verdict],
    ]);
    tr.dataset.node = node.key;
    tr.dataset.verdict = verdict;
    if (differs(verdict)) tr.className = 'graph-table__row--differs';
    return tr;
  });
  return table(
    ['value', 'op', 'your data', 'ref. data', 'your grad', 'ref. grad', ''],
    rows,
    'Your values beside the reference solution’s',
  );
}
