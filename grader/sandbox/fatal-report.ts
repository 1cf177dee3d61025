// Node.js's own report of a fatal error (most often the heap out of memory) follows, on the same pipes, whatever the
// learner's code printed before it. A message quotes the learner's lines, not the report: its garbage-collector log
// and V8's native stack trace say nothing to a student, and name the machine's paths.

/** The first line of each part Node.js writes when it aborts, in the order they come. */
const FATAL_REPORT =
  /^(?:<--- Last few GCs --->|<--- JS stacktrace --->|FATAL ERROR: |----- Native stack trace -----)/m;

/** `output` up to Node.js's fatal report, if it holds one. */
export function beforeFatalReport(output: string): string {
  const at = output.search(FATAL_REPORT);
  return at === -1 ? output : output.slice(0, at);
}
