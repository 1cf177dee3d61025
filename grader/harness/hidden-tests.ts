// How hidden tests are named: reports count them and keep them out of sight without saying what they check.
export const HIDDEN_TEST_PREFIX = 'hidden test ';

/** The name of a suite's i-th hidden test (from 1). */
export const hiddenTestName = (i: number): string => `${HIDDEN_TEST_PREFIX}${i}`;
