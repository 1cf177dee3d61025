// The processes a grader left behind: those whose command line names a folder of its own (a sandbox has its runner
// there), for the tests that stop or kill a grader and check that nothing of it goes on running.
import { execFileSync } from 'node:child_process';

/** Processes whose command line names `folder`, as `ps` lines (pid, state, command), zombies left out. */
export function processesUnder(folder: string): string[] {
  return execFileSync('ps', ['-eo', 'pid=,stat=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(folder) && !/^\s*\d+\s+Z/.test(line));
}

/** What is killed with the grader needs a moment to go; what is still there after 3 s was left behind (and is killed). */
export async function leftBehindUnder(folder: string): Promise<string[]> {
  let leftBehind = processesUnder(folder);
  for (let i = 0; i < 30 && leftBehind.length > 0; i++) {
    await new Promise((r) => setTimeout(r, 100));
    leftBehind = processesUnder(folder);
  }
  for (const line of leftBehind) process.kill(Number(line.trim().split(/\s+/)[0]), 'SIGKILL');
  return leftBehind;
}
