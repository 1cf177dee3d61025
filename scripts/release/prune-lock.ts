// The kit's package-lock.json: the instructor's lock cut down to what the kit's own dependencies install, so that
// `npm ci` in a kit neither refuses it (out of sync with package.json) nor installs the instructor's tools.
import { posix } from 'node:path';

/** An entry of a lock's `packages`, as npm writes it (lockfileVersion 2 and 3). */
export interface LockEntry {
  version?: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  bin?: Record<string, string>;
  link?: boolean;
  [field: string]: unknown;
}

export interface Lock {
  lockfileVersion: number;
  packages: Record<string, LockEntry>;
  [field: string]: unknown;
}

/** What the kit's package.json declares, which the lock's root entry must repeat. */
export type RootDependencies = Pick<
  LockEntry,
  'dependencies' | 'devDependencies' | 'optionalDependencies' | 'peerDependencies'
>;

export class LockError extends Error {}

type EdgeType = 'prod' | 'dev' | 'optional' | 'peer' | 'peerOptional';

interface Edge {
  name: string;
  type: EdgeType;
}

/**
 * An entry's dependencies as npm's Arborist reads them: a later kind overrides an earlier one of the same name
 * (an optionalDependencies entry makes a dependency optional), and only the root's devDependencies count.
 */
function edgesOf(key: string, entry: LockEntry): Edge[] {
  const edges = new Map<string, EdgeType>();
  for (const name of Object.keys(entry.peerDependencies ?? {}))
    edges.set(name, entry.peerDependenciesMeta?.[name]?.optional ? 'peerOptional' : 'peer');
  for (const name of Object.keys(entry.dependencies ?? {})) edges.set(name, 'prod');
  for (const name of Object.keys(entry.optionalDependencies ?? {})) edges.set(name, 'optional');
  if (key === '') for (const name of Object.keys(entry.devDependencies ?? {})) edges.set(name, 'dev');
  return [...edges].map(([name, type]) => ({ name, type }));
}

/**
 * Where the package at `from` finds `name`: its own node_modules, then each enclosing package's, up to the root's,
 * as Node.js and npm look it up.
 */
export function resolveIn(packages: Record<string, unknown>, from: string, name: string): string | undefined {
  for (let dir = from; ;) {
    const key = dir === '' ? `node_modules/${name}` : `${dir}/node_modules/${name}`;
    if (key in packages) return key;
    if (dir === '') return undefined;
    const nested = dir.lastIndexOf('/node_modules/');
    if (nested >= 0) dir = dir.slice(0, nested);
    else if (dir.startsWith('node_modules/')) dir = '';
    else dir = posix.dirname(dir) === '.' ? '' : posix.dirname(dir);
  }
}

/**
 * The packages a root entry installs. An optional peer is not followed: npm installs it only where something else
 * needs it, and prunes it as extraneous otherwise. A missing optional dependency is allowed, as npm allows it; a
 * missing required one means the lock was broken before it was pruned.
 */
function installed(packages: Record<string, LockEntry>): Set<string> {
  return reachable(
    packages,
    (type) => type !== 'peerOptional',
    (from, name, type) => {
      if (type !== 'optional') throw new LockError(`${from || 'the root'} needs ${name}, which the lock does not hold`);
    },
  );
}

/** The packages a walk from the root reaches along the edges `follows` takes; `missing` hears of each edge to none. */
function reachable(
  packages: Record<string, LockEntry>,
  follows: (type: EdgeType) => boolean,
  missing: (from: string, name: string, type: EdgeType) => void = () => {},
): Set<string> {
  const reached = new Set<string>();
  const queue = [''];
  for (let key = queue.pop(); key !== undefined; key = queue.pop()) {
    if (reached.has(key)) continue;
    reached.add(key);
    for (const { name, type } of edgesOf(key, packages[key]!)) {
      if (!follows(type)) continue;
      const to = resolveIn(packages, key, name);
      if (to === undefined) missing(key, name, type);
      else queue.push(to);
    }
  }
  return reached;
}

type Flag = 'dev' | 'optional' | 'devOptional' | 'peer';

/** The edges a path must avoid for the package at its end to lose the flag (npm's calc-dep-flags). */
const FLAG_EDGES: Record<Flag, EdgeType[]> = {
  dev: ['dev'],
  optional: ['optional', 'peerOptional'],
  devOptional: ['dev', 'optional', 'peerOptional'],
  peer: ['peer', 'peerOptional'],
};

/**
 * The packages that keep `flag`: those no path from the root reaches without one of the flag's edges. Recomputed
 * because pruning changes them (a package an instructor's tool shared with the kit may now be dev-only), and npm
 * would otherwise rewrite the kit's lock on the student's first `npm install`.
 */
function flagged(packages: Record<string, LockEntry>, flag: Flag): Set<string> {
  const clean = reachable(packages, (type) => !FLAG_EDGES[flag].includes(type));
  return new Set(Object.keys(packages).filter((key) => !clean.has(key)));
}

const FLAGS: Flag[] = ['dev', 'optional', 'devOptional', 'peer'];

/**
 * `entry` with `flags` (npm writes devOptional only where neither dev nor optional is set). A flag that stays keeps
 * its place, so that the kit's lock differs from the instructor's only where it must.
 */
function withFlags(entry: LockEntry, flags: Set<Flag>): LockEntry {
  if (flags.has('dev') || flags.has('optional')) flags.delete('devOptional');
  const kept = Object.entries(entry).filter(
    ([field]) => field !== 'extraneous' && (!isFlag(field) || flags.has(field)),
  );
  const added = [...flags].filter((flag) => !(flag in entry)).map((flag) => [flag, true]);
  return Object.fromEntries([...kept, ...added]) as LockEntry;
}

const isFlag = (field: string): field is Flag => (FLAGS as string[]).includes(field);

/**
 * The lock of a project whose package.json declares `root` instead of what the lock's root entry says: the root
 * entry lists `root`, and only the packages it installs remain, at the same places, with the flags npm would write.
 * `lock` is left as it is.
 */
export function pruneLock(lock: Lock, root: RootDependencies): Lock {
  if (!lock.packages?.['']) throw new LockError('the lock has no packages[""] (lockfileVersion 2 or later is needed)');
  const linked = Object.keys(lock.packages).find((key) => lock.packages[key]!.link);
  if (linked) throw new LockError(`the lock links ${linked}; workspaces and linked packages are not supported`);
  const rootEntry: LockEntry = { ...lock.packages[''] };
  for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies'] as const) {
    if (root[field]) rootEntry[field] = { ...root[field] };
    else delete rootEntry[field];
  }
  const all = { ...lock.packages, '': rootEntry };
  const kept = installed(all);
  const pruned = Object.fromEntries(Object.entries(all).filter(([key]) => kept.has(key)));
  const flags = FLAGS.map((flag) => [flag, flagged(pruned, flag)] as const);
  const packages = Object.fromEntries(
    Object.entries(pruned).map(([key, entry]) => [
      key,
      key === '' ? entry : withFlags(entry, new Set(flags.filter(([, keys]) => keys.has(key)).map(([flag]) => flag))),
    ]),
  );
  // A version 2 lock also carries npm 6's nested `dependencies` tree, which would still list every removed package;
  // npm 7 and later read `packages` alone and write the old tree again themselves.
  const { dependencies: _legacy, ...rest } = lock;
  return { ...rest, packages };
}
