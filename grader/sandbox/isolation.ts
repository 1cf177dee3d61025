// Which guards the operating system can put around a sandboxed Node.js process, probed once per grading process,
// and the command line that applies them. Each tool is used only where a trial run here proved that it works, so
// a missing tool weakens the sandbox (and says so) but never stops grading or blames the learner.
import { spawn } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';

/** A guard the sandbox can run under; `guards` in a report lists those in force. */
export type Guard =
  | 'permission-model'
  | 'rlimits'
  | 'network-namespace'
  | 'pid-namespace'
  | 'own-uid'
  | 'parent-death-signal'
  | 'own-process-group';

export interface Capabilities {
  /** Node's flag for its permission model: `--permission` from Node 22.13 on, `--experimental-permission` before. */
  permissionFlag: string;
  prlimit?: string;
  unshare?: string;
  /** Whether unshare must map the caller to root in a user namespace first (it must unless the grader is root). */
  unshareAsUser: boolean;
  setpriv?: string;
  /** The grader runs as root, so each sandbox can be given a uid of its own that owns nothing. */
  root: boolean;
}

/** Limits the kernel enforces on the sandboxed process; see `rlimitArgs`. */
export interface ResourceLimits {
  cpuSeconds: number;
  /** Address space: caps off-heap memory (ArrayBuffers) that Node's heap limit does not see. */
  addressSpaceBytes: number;
  /** Threads of its own uid; set only where the sandbox has a uid of its own. */
  processes: number;
  openFiles: number;
}

/** The first executable called `name` on PATH (the grader's own environment, not the sandbox's empty one). */
function findTool(name: string, path = process.env.PATH ?? ''): string | undefined {
  for (const dir of path.split(delimiter)) {
    if (!dir) continue;
    try {
      accessSync(join(dir, name), constants.X_OK);
      return join(dir, name);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** Whether `command args` runs and exits 0 (within a few seconds). */
const works = (command: string, args: string[]): Promise<boolean> =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: 'ignore', timeout: 5_000 });
    child.on('error', () => resolve(false));
    child.on('close', (code) => resolve(code === 0));
  });

/** Node accepts the flag (it lists every flag it takes in allowedNodeEnvironmentFlags). */
const nodeHasFlag = (flag: string): boolean => process.allowedNodeEnvironmentFlags.has(flag);

let probed: Promise<Capabilities> | undefined;

/**
 * What this machine offers, found by trying each tool once, all at the same time (a few milliseconds, while
 * the grader starts up).
 */
export function probeCapabilities(): Promise<Capabilities> {
  probed ??= (async () => {
    const root = process.getuid?.() === 0;
    const [prlimit, setpriv, unshare] = [findTool('prlimit'), findTool('setpriv'), findTool('unshare')];
    const namespaces = ['--net', '--pid', '--fork', '--kill-child', 'true'];
    const [prlimitWorks, setprivWorks, asRoot, asUser] = await Promise.all([
      prlimit ? works(prlimit, ['--cpu=1', 'true']) : false,
      setpriv ? works(setpriv, ['--pdeathsig', 'KILL', 'true']) : false,
      unshare && root ? works(unshare, namespaces) : false,
      // Root inside a container may lack the right to make namespaces itself but still make them as a user.
      unshare ? works(unshare, ['--map-root-user', ...namespaces]) : false,
    ]);
    return {
      permissionFlag: nodeHasFlag('--permission') ? '--permission' : '--experimental-permission',
      prlimit: prlimitWorks ? prlimit : undefined,
      unshare: asRoot || asUser ? unshare : undefined,
      unshareAsUser: !asRoot,
      setpriv: setprivWorks ? setpriv : undefined,
      root,
    };
  })();
  return probed;
}

function rlimitArgs(limits: ResourceLimits, ownUid: boolean): string[] {
  return [
    `--cpu=${limits.cpuSeconds}`,
    `--as=${limits.addressSpaceBytes}`,
    // No file may grow at all: the sandbox writes only to its pipes (trace files, core dumps and the like fail).
    '--fsize=0',
    '--core=0',
    `--nofile=${limits.openFiles}`,
    // The process count is per uid: capped only where the uid is the sandbox's alone, never the learner's own.
    ...(ownUid ? [`--nproc=${limits.processes}`] : []),
  ];
}

/**
 * A helper process of the grader's own (not learner code) under a CPU-time and data-memory limit, dying with
 * the grader: `node nodeArgs` with whatever of prlimit and setpriv this machine has.
 */
export function limitedCommand(
  caps: Capabilities,
  limits: { cpuSeconds: number; dataBytes: number },
  node: string,
  nodeArgs: string[],
): { command: string; args: string[] } {
  const chain = [
    ...(caps.setpriv ? [caps.setpriv, '--pdeathsig', 'KILL', '--'] : []),
    ...(caps.prlimit
      ? [caps.prlimit, `--cpu=${limits.cpuSeconds}`, `--data=${limits.dataBytes}`, '--core=0', '--']
      : []),
  ];
  const [command, ...args] = [...chain, node, ...nodeArgs];
  return { command: command!, args };
}

/**
 * What grading for the record (a class, Gradescope, `--official`) needs around learner code: the kernel's limits,
 * no network and no other process to see, death with the grader, on top of what every platform has. Only Linux
 * with util-linux's prlimit, unshare and setpriv gives all of it; a uid of its own is a bonus where the grader is root.
 */
export const OFFICIAL_GUARDS: readonly Guard[] = [
  'permission-model',
  'own-process-group',
  'rlimits',
  'network-namespace',
  'pid-namespace',
  'parent-death-signal',
];

/** The guards grading for the record needs that `guards` lacks. Pure. */
export const missingForOfficial = (guards: readonly Guard[]): Guard[] =>
  OFFICIAL_GUARDS.filter((guard) => !guards.includes(guard));

/** Which tool gives a guard, for messages that say what to install. */
export const GUARD_SOURCE: Record<Guard, string> = {
  'permission-model': "Node.js's permission model",
  'own-process-group': 'a process group (POSIX systems)',
  rlimits: "util-linux's prlimit",
  'network-namespace': "util-linux's unshare",
  'pid-namespace': "util-linux's unshare",
  'own-uid': "util-linux's setpriv, with the grader running as root",
  'parent-death-signal': "util-linux's setpriv",
};

/**
 * Spawn options that give a child a process group of its own where the platform has them (POSIX), so that one
 * kill ends everything it started. Windows has no process groups, and a detached child there opens a console.
 */
export const ownGroupOptions = (platform: NodeJS.Platform = process.platform) => ({
  detached: platform !== 'win32',
  windowsHide: true,
});

export interface SandboxCommand {
  command: string;
  args: string[];
  guards: Guard[];
}

/** Whether a process of another uid can reach files in `folder` (every folder above it lets others pass). */
export function othersCanReach(folder: string): boolean {
  for (let dir = folder; ; dir = dirname(dir)) {
    try {
      if ((statSync(dir).mode & 0o001) === 0) return false;
    } catch {
      return false;
    }
    if (dirname(dir) === dir) return true;
  }
}

/**
 * A uid for the sandbox alone, where the grader may hand one out: as root, with setpriv, Node.js and the folder
 * reachable, and namespaces made by root itself (a user namespace maps only root, so no other uid exists in it).
 */
export function canUseOwnUid(caps: Capabilities, sandboxFolder: string, node = process.execPath): boolean {
  const namespacesAllowIt = caps.unshare === undefined || !caps.unshareAsUser;
  return (
    caps.root &&
    caps.setpriv !== undefined &&
    namespacesAllowIt &&
    othersCanReach(sandboxFolder) &&
    othersCanReach(dirname(node))
  );
}

/**
 * The command that starts `node nodeArgs` under every guard available: rlimits, new network and PID namespaces
 * (no network, no other process to see or signal), a uid of its own (`uid`, when given), and death with the
 * process that started it (a parent-death signal), so that no sandbox outlives the grader, even one asleep.
 */
export function sandboxCommand(
  caps: Capabilities,
  limits: ResourceLimits,
  node: string,
  nodeArgs: string[],
  uid?: number,
  platform: NodeJS.Platform = process.platform,
): SandboxCommand {
  const guards: Guard[] = [
    'permission-model',
    ...(ownGroupOptions(platform).detached ? ['own-process-group' as const] : []),
  ];
  const chain: string[] = [];
  if (caps.setpriv) {
    chain.push(caps.setpriv, '--pdeathsig', 'KILL', '--');
    guards.push('parent-death-signal');
  }
  const ownUid = uid !== undefined && caps.setpriv !== undefined;
  if (caps.prlimit) {
    chain.push(caps.prlimit, ...rlimitArgs(limits, ownUid), '--');
    guards.push('rlimits');
  }
  if (caps.unshare) {
    chain.push(
      caps.unshare,
      ...(caps.unshareAsUser ? ['--map-root-user'] : []),
      '--net',
      '--pid',
      '--fork',
      '--kill-child',
      '--',
    );
    guards.push('network-namespace', 'pid-namespace');
  }
  if (ownUid) {
    // Changing uid clears the parent-death signal, so it is set again after the change.
    chain.push(
      caps.setpriv!,
      `--reuid=${uid!}`,
      `--regid=${uid}`,
      '--clear-groups',
      '--no-new-privs',
      '--pdeathsig',
      'KILL',
      '--',
    );
    guards.push('own-uid');
  }
  const [command, ...args] = [...chain, node, ...nodeArgs];
  return { command: command!, args, guards };
}
