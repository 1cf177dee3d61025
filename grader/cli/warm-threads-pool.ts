// A vitest pool (its custom-pool API) whose worker threads outlive a run: watch mode grades again on every save,
// and a fresh thread would load vitest's runtime and the suites' modules again each time (about 150 ms). Between
// runs a thread is parked instead of stopped; the next run's runner takes it over, already set up.
import type { PoolOptions, PoolRunnerInitializer, PoolWorker } from 'vitest/node';
import { endEarlyThreads, settingsFor, takeEarlyThread, VitestThread } from './vitest-thread.js';

type WorkerRequest = Parameters<PoolWorker['send']>[0];
type Listener = (arg: unknown) => void;

const parked: VitestThread[] = [];

class WarmThread implements PoolWorker {
  readonly name = 'warm-threads';
  private readonly thread: VitestThread;
  private readonly options: PoolOptions;
  /** The thread was set up by an earlier run: vitest's "start" has been answered already. */
  private readonly reused: boolean;
  private listeners: Array<[string, Listener]> = [];
  /** A suite is running on the thread: one stopped now (a run cancelled) is ended, never parked. */
  private busy = false;
  private readonly watchFinish = (message: unknown) => {
    if ((message as { type?: string } | undefined)?.type === 'testfileFinished') this.busy = false;
  };

  constructor(options: PoolOptions) {
    const spare = parked.pop();
    this.reused = spare !== undefined;
    this.options = options;
    this.thread = spare ?? takeEarlyThread(settingsFor(options)) ?? new VitestThread(settingsFor(options));
  }

  on(event: string, callback: Listener): void {
    this.listeners.push([event, callback]);
    this.thread.worker.on(event, callback);
  }

  off(event: string, callback: Listener): void {
    this.listeners = this.listeners.filter(([e, c]) => e !== event || c !== callback);
    this.thread.worker.off(event, callback);
  }

  send(message: WorkerRequest): void {
    // A parked thread is set up already, and a stopped one could not be set up again: both answers come from here.
    if ((message.type === 'start' && this.reused) || message.type === 'stop')
      return this.answer(message.type === 'start' ? 'started' : 'stopped');
    if (message.type === 'run' || message.type === 'collect') this.busy = true;
    this.thread.worker.postMessage(message);
  }

  deserialize(data: unknown): unknown {
    return data;
  }

  async start(): Promise<void> {
    if (!this.reused) this.thread.pipeOutput(this.options);
    this.thread.worker.on('message', this.watchFinish);
  }

  async stop(): Promise<void> {
    this.thread.worker.off('message', this.watchFinish);
    for (const [event, callback] of this.listeners) this.thread.worker.off(event, callback);
    this.listeners = [];
    if (this.busy) await this.thread.stop();
    else parked.push(this.thread);
  }

  private answer(type: 'started' | 'stopped'): void {
    const response = { type, __vitest_worker_response__: true };
    queueMicrotask(() => {
      for (const [event, callback] of [...this.listeners]) if (event === 'message') callback(response);
    });
  }
}

export const warmThreads = (): PoolRunnerInitializer => ({
  name: 'warm-threads',
  createPoolWorker: (options) => new WarmThread(options),
});

/** Ends the parked threads, when grading is over. */
export async function closeWarmThreads(): Promise<void> {
  await Promise.all([...parked.splice(0).map((thread) => thread.stop()), endEarlyThreads()]);
}
