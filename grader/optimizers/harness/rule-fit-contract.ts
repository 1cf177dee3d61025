// What the suites know of the rule fit (hidden/rule-fit.ts, which a student kit lacks: it simulates the reference
// rules): the shapes it reads and answers with, and a fit in words, so that a kit type-checks without it.
import type { Point } from '../../../courses/optimizers/manifest.js';

/** A probe scenario as far as a fit reads it (probe-findings.ts's ProbeScenario is one). */
export interface FitScenario {
  starts: Point[];
  options: Record<string, number>;
  actions: Array<{ create?: number; step?: number; grad?: Point; mode?: 'new' | 'inPlace'; data?: Point }>;
  expected: Record<string, Point[]>;
}

/** A learner's response to a probe as far as a fit reads it (probe-findings.ts's ProbeResponse is one). */
export interface FitResponse {
  points: Point[];
  gradChanged: boolean;
  /** After each step, the arrays of numbers the stepped instance keeps in its own fields (none where it hides them). */
  states?: number[][][];
}

export interface RuleFit {
  /** The components that differ from the reference, with the learner's value of each. */
  changes: Array<{ component: string; value: string; words: string }>;
  /**
   * What the arrays the learner's instance keeps say of the rule: 'agree' when they hold its running averages after
   * every step, 'disagree' when they do not, 'unseen' when the instance shows none (private # fields).
   */
  state: 'agree' | 'disagree' | 'unseen';
}

/**
 * The one fit that explains the responses (null when none does, or several do alike), and whether it is null because
 * several different single changes of the rule reproduce them alike: then any named cause would be a guess.
 */
export interface FitVerdict {
  fit: (RuleFit & { byState: boolean }) | null;
  ambiguous: boolean;
}

/** The rule fit's entry point, the export `fitVerdict` of the hidden module. */
export type RuleFitter = (
  scenarios: readonly FitScenario[],
  responses: ReadonlyArray<FitResponse | null | undefined>,
) => FitVerdict;

/** A fit in words, for a student. */
export function fitMessage(fit: RuleFit): string {
  const parts = fit.changes.map((c) => c.words);
  return parts.length === 1 ? parts[0]! : `${parts.slice(0, -1).join('; ')}; and ${parts[parts.length - 1]!}`;
}
