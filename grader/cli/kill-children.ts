// Ends every process this one started (vitest's worker forks), for the case where a worker is stuck in a
// synchronous loop and can no longer take part in an orderly shutdown.
import { execFileSync } from 'node:child_process';

function childrenOf(pid: number): number[] {
  try {
    return execFileSync('ps', ['-o', 'pid=', '--ppid', String(pid)], { encoding: 'utf8' })
      .split('\n')
      .map((line) => Number(line.trim()))
      .filter((child) => Number.isInteger(child) && child > 0);
  } catch {
    return []; // ps exits 1 when there are none
  }
}

export function killChildProcesses(pid = process.pid): void {
  for (const child of childrenOf(pid)) {
    killChildProcesses(child);
    try {
      process.kill(child, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
