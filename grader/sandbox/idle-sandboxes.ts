// Sandboxes a session left as it found them, kept for their own submission's next session: a process is only ever
// handed back under the key it was given with (sandboxKey: the submission's folder, course and lane), never to anyone
// else, and at most `limit` wait at once (each holds a Node.js heap).

export interface Reusable {
  readonly reusable: boolean;
  dispose(): Promise<void>;
}

export class IdleSandboxes<T extends Reusable> {
  /** By key, in the order they were given back: the first key waited longest. */
  private readonly waiting = new Map<string, T[]>();
  private count = 0;

  constructor(private readonly limit: number) {}

  /** One of `key`'s own sandboxes, if one waits. */
  take(key: string): T | undefined {
    const list = this.waiting.get(key);
    const sandbox = list?.pop();
    if (!sandbox) return undefined;
    this.count--;
    if (list!.length === 0) this.waiting.delete(key);
    return sandbox;
  }

  /** Keeps `sandbox` for `key`'s next session if the runner found it reusable; the longest-waiting goes if full. */
  give(key: string, sandbox: T): void {
    if (!sandbox.reusable) return;
    if (this.count >= this.limit) {
      const [oldestKey, list] = this.waiting.entries().next().value!;
      void list.shift()!.dispose();
      this.count--;
      if (list.length === 0) this.waiting.delete(oldestKey);
    }
    const list = this.waiting.get(key) ?? [];
    // Given back last: waits least.
    this.waiting.delete(key);
    this.waiting.set(key, [...list, sandbox]);
    this.count++;
  }

  /**
   * Sessions' way to these sandboxes (bundle-and-run.ts's SandboxSource): `key`'s own waiting one first, else
   * `spare()`; `onKept` is told each time a waiting one serves.
   */
  source(
    spare: () => Promise<T>,
    onKept: () => void = () => {},
  ): { take(key: string): Promise<T>; kept(key: string): T | undefined; give(key: string, sandbox: T): void } {
    const kept = (key: string): T | undefined => {
      const sandbox = this.take(key);
      if (sandbox) onKept();
      return sandbox;
    };
    return {
      take: (key) => {
        const sandbox = kept(key);
        return sandbox ? Promise.resolve(sandbox) : spare();
      },
      kept,
      give: (key, sandbox) => this.give(key, sandbox),
    };
  }

  /** Ends every waiting sandbox (a run is over). */
  disposeAll(): Array<Promise<void>> {
    const all = [...this.waiting.values()].flat();
    this.waiting.clear();
    this.count = 0;
    return all.map((sandbox) => sandbox.dispose());
  }
}
