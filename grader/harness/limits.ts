// How long learner code may run for one exercise, and how much of its output is kept.
export const TIME_LIMIT_SECONDS = 10;

/** How a timed-out test's message starts: the grade report reads the status `timeout` from it. */
export const TIMEOUT_PREFIX = 'timed out:';
