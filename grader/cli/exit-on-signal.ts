// Ctrl-C, a closed terminal or a kill end a command through process.exit, so that its exit hooks run: sandboxes
// are stopped and temporary folders removed. Node.js's own response to these signals ends the process at once,
// without them. The exit code is the shell's for a command a signal ended: 128 plus the signal's number.
import { constants } from 'node:os';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
let installed = false;

export function exitOnSignals(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, () => process.exit(128 + constants.signals[signal]));
}
