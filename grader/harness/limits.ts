// How long learner code may run for one exercise, and how much of its output is kept.
export const TIME_LIMIT_SECONDS = 10;

/** How a timed-out test's message starts, for the learner; the reports take the status from the problem's kind. */
export const TIMEOUT_PREFIX = 'timed out:';
