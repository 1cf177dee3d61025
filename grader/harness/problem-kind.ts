// What kind of problem a failing test found, carried as data from where it arose (the learner's session, a
// learner failure, a suite's judgement) to the reports, which never guess it from a message's words.

export const PROBLEM_KINDS = [
  /** The learner's code still throws the stub's "not implemented yet". */
  'not-implemented',
  /** A learner file did not compile, or threw while loading. */
  'load',
  'missing-file',
  /** A learner file lacks an export the exercise needs. */
  'missing-export',
  'timeout',
  /** The learner's code ended the sandbox (process.exit, a signal, memory) before its results came. */
  'crash',
  /** The learner's code threw while the test ran it. */
  'threw',
  /** It ran and gave another result than the expected one: the usual failure. */
  'wrong-result',
  /** The grader itself failed (a suite that did not load or run): no fault of the learner's. */
  'grader',
] as const;

export type ProblemKind = (typeof PROBLEM_KINDS)[number];

export const isProblemKind = (value: unknown): value is ProblemKind =>
  typeof value === 'string' && (PROBLEM_KINDS as readonly string[]).includes(value);
