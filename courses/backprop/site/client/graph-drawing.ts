// Draws a computation graph as SVG: a box per value with its name, operation, data and grad, an arrow from each
// input to the value made from it. Values that differ from the reference get a red outline and a line of text
// saying what differs, so the mark does not rest on colour alone.
import { differs, type NodeComparison } from '../shared/graph-comparison.js';
import type { GraphSnapshot, SnapshotNode } from '../shared/graph-snapshot.js';
import { layOut } from './graph-layout.js';
import { formatApart, formatNumber } from './number-format.js';

const SVG = 'http://www.w3.org/2000/svg';
const BOX_WIDTH = 150;
const LINE = 16;
const PADDING = 7;

function element<K extends keyof SVGElementTagNameMap>(
  name: K,
  attributes: Record<string, string | number>,
  text?: string,
): SVGElementTagNameMap[K] {
  const made = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) made.setAttribute(key, String(value));
  if (text !== undefined) made.textContent = text;
  return made;
}

/** The text lines of one box: header, data, grad, and what differs from the reference. */
function linesOf(node: SnapshotNode, comparison: NodeComparison | undefined): { text: string; kind: string }[] {
  const op = node.op === '' ? (node.children.length === 0 ? 'leaf' : '?') : node.op;
  const lines = [
    { text: node.name === null ? `(made inside) ${op}` : `${node.name}   ${op}`, kind: 'head' },
    { text: `data ${formatNumber(node.data)}`, kind: 'number' },
    { text: `grad ${formatNumber(node.grad)}`, kind: 'number' },
  ];
  const reference = comparison?.reference;
  if (comparison?.verdict === 'grad-differs' && reference)
    lines.push(
      { text: '≠ reference', kind: 'differs' },
      { text: `ref. grad ${formatApart(reference.grad, node.grad)}`, kind: 'differs' },
    );
  if (comparison?.verdict === 'data-differs' && reference)
    lines.push(
      { text: '≠ reference', kind: 'differs' },
      { text: `ref. data ${formatApart(reference.data, node.data)}`, kind: 'differs' },
    );
  if (comparison?.verdict === 'no-counterpart') lines.push({ text: 'not in the reference', kind: 'note' });
  if (!node.reachable) lines.push({ text: 'not reached from the output', kind: 'differs' });
  return lines;
}

/**
 * The graph as an <svg>; `comparisons` (learner's graphs only) say which values differ from the reference's.
 * Every box carries its key, name, verdict and numbers as data attributes, for the tests and for assistive tools.
 */
export function drawGraph(
  snapshot: GraphSnapshot,
  comparisons: ReadonlyMap<string, NodeComparison> | null,
  label: string,
): SVGSVGElement {
  const contents = snapshot.nodes.map((node) => ({ node, lines: linesOf(node, comparisons?.get(node.key)) }));
  const layout = layOut(
    contents.map(({ node, lines }) => ({ key: node.key, width: BOX_WIDTH, height: lines.length * LINE + 2 * PADDING })),
    snapshot.nodes.flatMap((node) => node.children.map((child) => ({ from: child, to: node.key }))),
  );
  const svg = element('svg', {
    class: 'graph-drawing',
    viewBox: `0 0 ${Math.ceil(layout.width)} ${Math.ceil(layout.height)}`,
    width: Math.ceil(layout.width),
    role: 'img',
    'aria-label': label,
  });
  const marker = element('marker', {
    id: `arrow-${Math.random().toString(36).slice(2)}`,
    viewBox: '0 0 10 10',
    refX: 9,
    refY: 5,
    markerWidth: 7,
    markerHeight: 7,
    orient: 'auto-start-reverse',
  });
  marker.append(element('path', { d: 'M0,0 L10,5 L0,10 z', class: 'graph-drawing__arrowhead' }));
  const defs = element('defs', {});
  defs.append(marker);
  svg.append(defs);
  for (const arrow of layout.arrows) {
    const d = arrow.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ');
    svg.append(element('path', { d, class: 'graph-drawing__arrow', 'marker-end': `url(#${marker.id})` }));
  }
  for (const { node, lines } of contents) {
    const box = layout.boxes.get(node.key)!;
    const comparison = comparisons?.get(node.key);
    const verdict = comparison?.verdict ?? 'reference';
    const classes = ['graph-node', `graph-node--${verdict}`];
    if (node.name === null) classes.push('graph-node--made');
    if (node.key === snapshot.output) classes.push('graph-node--output');
    if ((comparison && differs(comparison.verdict)) || !node.reachable) classes.push('graph-node--differs');
    const group = element('g', {
      class: classes.join(' '),
      'data-node': node.key,
      'data-name': node.name ?? '',
      'data-verdict': verdict,
      'data-data': String(node.data),
      'data-grad': String(node.grad),
      transform: `translate(${box.x.toFixed(1)},${box.y.toFixed(1)})`,
    });
    group.append(element('rect', { width: box.width, height: box.height, rx: 7, class: 'graph-node__box' }));
    lines.forEach((line, i) =>
      group.append(
        element(
          'text',
          { x: PADDING + 2, y: PADDING + (i + 1) * LINE - 4, class: `graph-node__text graph-node__text--${line.kind}` },
          line.text,
        ),
      ),
    );
    svg.append(group);
  }
  return svg;
}
