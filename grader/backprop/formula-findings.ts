// What formula a wrong number is: the learner's value of one operation, or its local derivative, is compared with
// the usual wrong formulas evaluated at the case's own inputs. A formula is named only when it alone matches (and the
// right one does not), so a coincidence says nothing. Pure.
import type { Op } from './expression.js';
import { formatNumber } from './tolerance.js';

interface Candidate {
  /** The formula, in the step's own names. */
  text: string;
  value: number;
  /** What it means, when that says more than the formula. */
  means?: string;
  /** A plain number, not a formula: the message names it once. */
  constant?: boolean;
}

const same = (a: number, b: number): boolean =>
  Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) <= 1e-9 + 1e-7 * Math.abs(b);

/** The one candidate that matches `got`, unless the right value or another candidate matches too. */
function unique(candidates: Candidate[], got: number, expected: number): Candidate | undefined {
  if (same(got, expected)) return undefined;
  const hits = candidates.filter((c) => same(c.value, got) && !same(c.value, expected));
  const distinctTexts = new Set(hits.map((h) => h.means ?? h.text));
  return distinctTexts.size === 1 ? hits[0] : undefined;
}

/** The usual wrong values of `name = a op b` (b a step's name or a plain number), at the inputs' values. */
function valueCandidates(op: Op, [an, a]: [string, number], [bn, b]: [string, number]): Candidate[] {
  const swapped = 'the operands are the wrong way round';
  const list: Candidate[] = [
    { text: `${an} + ${bn}`, value: a + b },
    { text: `${an} · ${bn}`, value: a * b },
    { text: `${an} − ${bn}`, value: a - b },
    { text: `${bn} − ${an}`, value: b - a, means: op === 'sub' ? swapped : undefined },
    { text: `${an} / ${bn}`, value: a / b },
    { text: `${bn} / ${an}`, value: b / a, means: op === 'div' ? swapped : undefined },
    {
      text: `(${an} · ${bn})⁻¹`,
      value: 1 / (a * b),
      means:
        op === 'div' ? `the power −1 applies to ${an} · ${bn}, not to ${bn} alone: ${an} · (${bn} ** −1)` : undefined,
    },
    { text: `${an} ** ${bn}`, value: a ** b },
    { text: `${bn} ** ${an}`, value: b ** a, means: op === 'pow' ? swapped : undefined },
    { text: `${an} · ${bn}⁻¹ negated`, value: -a / b },
    { text: `−(${an} + ${bn})`, value: -(a + b) },
  ];
  return list.filter((c) => Number.isFinite(c.value));
}

function unaryCandidates(an: string, a: number): Candidate[] {
  return [
    { text: an, value: a },
    { text: `−${an}`, value: -a },
    { text: `1/${an}`, value: 1 / a },
    { text: `exp(${an})`, value: Math.exp(a) },
    { text: `log(${an})`, value: Math.log(a) },
    { text: `tanh(${an})`, value: Math.tanh(a) },
    { text: `${an}²`, value: a * a },
    { text: `max(${an}, 0)`, value: Math.max(a, 0) },
  ].filter((c) => Number.isFinite(c.value));
}

/** "c.data is b − a (1.2): the operands are the wrong way round" for a step's wrong value; '' when unsure. */
export function valueFinding(
  name: string,
  op: Op,
  receiver: [string, number],
  operand: [string, number] | undefined,
  got: number,
  expected: number,
): string {
  const candidates = operand ? valueCandidates(op, receiver, operand) : unaryCandidates(...receiver);
  const hit = unique(candidates, got, expected);
  if (!hit) return '';
  return `${name}.data is ${hit.text} (${formatNumber(hit.value)})${hit.means ? `: ${hit.means}` : ''}`;
}

/** The right local derivative of each operation, as a learner would write it, for the message. */
const RIGHT: Partial<Record<Op, (an: string, t: string) => string>> = {
  exp: (an, t) => `exp(${an}) itself, the output ${t}`,
  log: (an) => `1/${an}, one over the input`,
  tanh: (_an, t) => `1 − ${t}², from the output ${t}`,
  relu: () => '1 where the output is positive, else 0',
  neg: () => '−1',
};

/**
 * A unary operation's local derivative as the learner computed it (its input's grad divided by out.grad), named when
 * it is a usual wrong formula at the input a and the output t; '' when unsure.
 */
export function unaryDerivativeFinding(
  op: Op,
  [an, a]: [string, number],
  t: number,
  derivative: number,
  expected: number,
): string {
  const tn = 'out.data';
  const candidates: Candidate[] = [
    { text: `${an}, the input`, value: a },
    { text: `${tn}, the output`, value: t },
    { text: `1/${an}, one over the input`, value: 1 / a },
    { text: `1/${tn}, one over the output`, value: 1 / t },
    { text: `1 − ${an}², from the input`, value: 1 - a * a },
    { text: `1 − ${tn}², from the output`, value: 1 - t * t },
    { text: `exp(${an})`, value: Math.exp(a) },
    { text: `log(${an})`, value: Math.log(a) },
    { text: '1', value: 1, constant: true },
    { text: '−1', value: -1, constant: true },
  ].filter((c) => Number.isFinite(c.value));
  const hit = unique(candidates, derivative, expected);
  if (!hit) return '';
  const right = RIGHT[op]?.(an, tn);
  return (
    `the local derivative your ${op} uses is ${hit.constant ? hit.text : `${formatNumber(derivative)}: that is ${hit.text}`}` +
    (right ? `; the derivative of ${op} is ${right}` : '')
  );
}

/**
 * The hinge loss as the learner computed it, against the usual wrong ways to combine its parts (the margins
 * relu(1 − yᵢ·scoreᵢ) at the right scores, and the regularisation 1e-4·Σ p²); '' when none alone matches.
 */
export function lossFinding(
  scores: readonly number[],
  labels: readonly number[],
  parameters: readonly number[] | undefined,
  got: number,
  alpha = 1e-4,
): string {
  const n = scores.length;
  if (n < 2 || labels.length !== n || !parameters) return '';
  const margins = scores.map((s, i) => Math.max(0, 1 - labels[i]! * s));
  const sum = margins.reduce((a, b) => a + b, 0);
  const reg = alpha * parameters.reduce((a, p) => a + p * p, 0);
  const expected = sum / n + reg;
  const hit = unique(
    [
      {
        text: 'summed',
        value: sum + reg,
        means:
          `the margins are summed, not averaged: your loss is Σ relu(1 − yᵢ·scoreᵢ) + 1e-4·Σ p² ` +
          `(${formatNumber(sum + reg)}), with the sum ${n}× too large; divide it by the number of points, ${n}`,
      },
      {
        text: 'all averaged',
        value: (sum + reg) / n,
        means: `the regularisation is divided by the number of points too: add 1e-4·Σ p² to the mean of the margins, not before dividing`,
      },
      { text: 'no reg', value: sum / n, means: 'the regularisation 1e-4·Σ p² over every parameter is missing' },
      {
        text: 'reg not squared',
        value: sum / n + alpha * parameters.reduce((a, p) => a + Math.abs(p), 0),
        means: 'the regularisation adds |p|, not p²: 1e-4·Σ p²',
      },
    ],
    got,
    expected,
  );
  return hit?.means ?? '';
}
