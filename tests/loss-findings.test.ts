// The hinge loss's finding (grader/backprop/formula-findings.ts lossFinding) on made-up scores: a loss summed
// instead of averaged, or missing its regularisation, is named from its parts; the right loss says nothing.
import { expect, test } from 'vitest';
import { lossFinding } from '../grader/backprop/formula-findings.js';

const scores = [0.5, -2, 1.5, 0.2, -0.3];
const labels = [1, -1, -1, 1, 1];
const parameters = [0.3, -0.8, 0.5];
const margins = scores.map((s, i) => Math.max(0, 1 - labels[i]! * s));
const sum = margins.reduce((a, b) => a + b, 0);
const reg = 1e-4 * parameters.reduce((a, p) => a + p * p, 0);

test('the right loss says nothing; a summed one is named with the number of points', () => {
  expect(lossFinding(scores, labels, parameters, sum / 5 + reg)).toBe('');
  expect(lossFinding(scores, labels, parameters, sum + reg)).toMatch(
    /^the margins are summed, not averaged: .*divide it by the number of points, 5$/,
  );
});

test('a missing regularisation is named; without the parameters nothing is said', () => {
  expect(lossFinding(scores, labels, parameters, sum / 5)).toMatch(/regularisation .* is missing/);
  expect(lossFinding(scores, labels, undefined, sum + reg)).toBe('');
});
