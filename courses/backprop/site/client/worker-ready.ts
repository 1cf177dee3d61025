// The first message of every worker of the course, sent once its modules, the learner's included, have loaded.
export const WORKER_READY = 'ready';
