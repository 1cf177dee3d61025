// The sandboxes a grading process keeps booted ahead of its sessions: `spares` while a run may still ask for one,
// `idleSpares` between runs (watch mode's next save). A spare booted for a session that never comes costs a
// Node.js start, on the cores the run's last suites need.
export class SparePool<T> {
  private readonly ready: Array<Promise<T>> = [];
  /** Sessions the current run may still ask for; before the first run, as many as there are spares. */
  private remaining: number;
  private between = false;

  constructor(
    private readonly open: () => Promise<T>,
    private readonly spares: number,
    private readonly idleSpares: number,
  ) {
    this.remaining = spares;
    this.refill();
  }

  /** The spare booted first, while the grader starts; undefined with no spares. */
  get first(): Promise<T> | undefined {
    return this.ready[0];
  }

  /** A booted spare if one is waiting, else one started now; a replacement boots if the run may need it. */
  take(): Promise<T> {
    const sandbox = this.ready.shift() ?? this.open();
    this.remaining = Math.max(0, this.remaining - 1);
    this.refill();
    return sandbox;
  }

  /** A session of the run was served by a process kept from an earlier one: one fewer to boot ahead. */
  served(): void {
    this.remaining = Math.max(0, this.remaining - 1);
  }

  /** A run begins that will ask for about `sessions` sandboxes: no more are booted ahead than it can use. */
  beginRun(sessions: number): void {
    this.between = false;
    this.remaining = sessions;
    this.refill();
  }

  endRun(): void {
    this.between = true;
    this.refill();
  }

  /** The spares still waiting, taken out of the pool (to dispose of them). */
  drain(): Array<Promise<T>> {
    return this.ready.splice(0);
  }

  private refill(): void {
    const wanted = this.between ? this.idleSpares : Math.min(this.spares, this.remaining);
    while (this.ready.length < wanted) this.ready.push(this.open());
  }
}
