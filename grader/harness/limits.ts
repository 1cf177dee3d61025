// How long learner code may run for one exercise, and how much of its output is kept.
export const TIME_LIMIT_SECONDS = 10;
