// Reads the sandbox's result channel (fd 3): a `ready` line from the runner before any learner code loads, then for
// each session exactly one line per job, by name, and a `done` line once every job has its result. Anything else (a
// second line for a job, an unknown line, a flood) means the channel was tampered with, and then no result of that
// run counts.
import { capText } from './cap-text.js';
import { parseWithNumbers, PRINTED_LIMIT, type JobResult, type LearnerFailure } from './sandbox-protocol.js';

/** More than any honest run sends (a list of 200,000 number pairs is about 8 MB). */
export const RESULT_CHANNEL_LIMIT = 64 * 1024 * 1024;

export type ChannelLine =
  { kind: 'ready' } | { kind: 'result'; name: string; result: JobResult } | { kind: 'done'; reusable: boolean };

/** A failure's texts come from the learner's process, whatever the runner meant to send: cut them here. */
function capFailure(failure: LearnerFailure): LearnerFailure {
  const capped: LearnerFailure = {
    during: capText(String(failure.during), 200),
    message: capText(String(failure.message)),
  };
  if (failure.where !== undefined) capped.where = capText(String(failure.where), 200);
  const missing = failure.missingExport;
  if (missing !== undefined && missing !== null && typeof missing === 'object')
    capped.missingExport = {
      file: capText(String(missing.file), 100),
      name: capText(String(missing.name), 100),
      exported: (Array.isArray(missing.exported) ? missing.exported : [])
        .slice(0, 8)
        .map((name) => capText(String(name), 100)),
    };
  return capped;
}

export class ResultChannel {
  /** By job name; a job whose line has not arrived has no entry. */
  results = new Map<string, JobResult>();
  private names = new Set<string>();
  ready = false;
  /** Called once, when the runner's `ready` line arrives. */
  onReady: () => void = () => {};
  /** Called when the session is over: `reusable` when the runner found the process as the session found it. */
  onDone: (reusable: boolean) => void = () => {};
  private expecting = false;
  /** Why the channel cannot be trusted, once it cannot. */
  tampered?: string;
  private chunks: string[] = [];
  private bytes = 0;

  /** Results may arrive from now on, one for each of these jobs. */
  expect(names: string[]): void {
    this.names = new Set(names);
    this.results = new Map();
    this.expecting = true;
    this.bytes = 0;
  }

  /** Every expected job has its result. */
  get complete(): boolean {
    return this.results.size === this.names.size;
  }

  /** Takes the next chunk; the caller stops the sandbox as soon as `tampered` is set. */
  push(chunk: string): void {
    if (this.tampered) return;
    this.bytes += chunk.length;
    if (this.bytes > RESULT_CHANNEL_LIMIT)
      return this.reject(`more than ${RESULT_CHANNEL_LIMIT / 1024 / 1024} MB arrived on the result channel`);
    // Only the new chunk is searched for line ends, so a flood without newlines costs linear time.
    for (let newline = chunk.indexOf('\n'); newline !== -1 && !this.tampered; newline = chunk.indexOf('\n')) {
      this.chunks.push(chunk.slice(0, newline));
      const line = this.chunks.join('');
      this.chunks = [];
      chunk = chunk.slice(newline + 1);
      this.take(line);
    }
    if (chunk) this.chunks.push(chunk);
  }

  private take(text: string): void {
    let line: ChannelLine;
    try {
      // Not JSON.parse's reviver: called back for every number of a long result, it took twice as long as the parse
      // and the walk together, on the grading process's main thread, for every job of every session.
      line = parseWithNumbers(text) as ChannelLine;
    } catch {
      return this.reject('a line on the result channel is not the runner’s');
    }
    if (line?.kind === 'ready' && !this.ready) {
      this.ready = true;
      return this.onReady();
    }
    if (line?.kind === 'done' && this.expecting && this.complete) {
      this.expecting = false;
      return this.onDone(line.reusable === true);
    }
    if (line?.kind !== 'result' || !this.expecting)
      return this.reject('an unexpected line arrived on the result channel');
    const { name } = line;
    const shown = capText(String(name), 80);
    if (typeof name !== 'string' || !this.names.has(name))
      return this.reject(`a result arrived for a job that does not exist (${shown})`);
    if (this.results.has(name)) return this.reject(`a second result arrived for job ${shown}`);
    if (typeof line.result !== 'object' || line.result === null) return this.reject(`job ${shown}'s result is not one`);
    const { failure, output, printed } = line.result;
    const result: JobResult = failure ? { output, failure: capFailure(failure) } : { output };
    if (typeof printed === 'string' && printed !== '') result.printed = capText(printed, PRINTED_LIMIT + 100);
    this.results.set(name, result);
  }

  private reject(why: string): void {
    this.tampered = why;
    this.results.clear();
  }
}
