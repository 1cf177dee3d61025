// The sandbox's own guards, piece by piece: the command line built for each set of capabilities a machine may
// have, the result channel's refusal of anything but one line per job, and the grader's behaviour where the
// operating system's tools are missing (it still grades and still stops an endless loop) or broken (it says that
// the fault is its own, exit 2, and blames no learner).
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, posix, win32 } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { guardsLine, requireOfficialGuards, WeakSandboxError } from '../grader/cli/official-grading.js';
import {
  canUseOwnUid,
  missingForOfficial,
  OFFICIAL_GUARDS,
  ownGroupOptions,
  sandboxCommand,
  type Capabilities,
} from '../grader/sandbox/isolation.js';
import { ResultChannel } from '../grader/sandbox/result-channel.js';
import { encodeNumbers } from '../grader/sandbox/sandbox-protocol.js';
import { LIMITS, nodeFlags } from '../grader/sandbox/run-sandboxed.js';
import { KIT_ROOT, LAUNCH } from './kit-sandbox.js';
import { listenOn } from './socket-listener.js';

const NODE_ARGS = ['--permission', 'runner.mjs'];
const everything: Capabilities = {
  permissionFlag: '--permission',
  prlimit: '/bin/prlimit',
  unshare: '/bin/unshare',
  unshareAsUser: false,
  setpriv: '/bin/setpriv',
  root: true,
};

describe('the sandbox command line', () => {
  test('as root with every tool: rlimits, namespaces, a uid of its own, and a parent-death signal after the uid change', () => {
    const { command, args, guards } = sandboxCommand(everything, LIMITS, '/bin/node', NODE_ARGS, 2_000_000_123);
    const line = [command, ...args].join(' ');
    expect(command).toBe('/bin/setpriv');
    expect(line).toContain('--pdeathsig KILL -- /bin/prlimit');
    expect(line).toMatch(/--cpu=\d+ --as=\d+ --fsize=0 --core=0 --nofile=\d+ --nproc=\d+ --/);
    expect(line).toContain('/bin/unshare --net --pid --fork --kill-child --');
    // Changing uid clears the parent-death signal: it must be set again after --reuid, right before node.
    expect(line).toMatch(
      /--reuid=2000000123 --regid=2000000123 --clear-groups --no-new-privs --pdeathsig KILL -- \/bin\/node --permission runner\.mjs$/,
    );
    expect(guards.sort()).toEqual([
      'network-namespace',
      'own-process-group',
      'own-uid',
      'parent-death-signal',
      'permission-model',
      'pid-namespace',
      'rlimits',
    ]);
  });

  test('as a user: namespaces in a user namespace, and no process-count limit on the learner’s own uid', () => {
    const caps = { ...everything, root: false, unshareAsUser: true };
    const { args, guards } = sandboxCommand(caps, LIMITS, '/bin/node', NODE_ARGS);
    expect(args.join(' ')).toContain('/bin/unshare --map-root-user --net --pid');
    expect(args.join(' ')).not.toContain('--nproc');
    expect(args.join(' ')).not.toContain('--reuid');
    expect(guards).not.toContain('own-uid');
  });

  test('a uid of its own only where it can exist: not inside a user namespace, not for unreachable folders', () => {
    const open = mkdtempSync(join(tmpdir(), 'sandbox-open-'));
    const private_ = mkdtempSync(join(tmpdir(), 'sandbox-private-'));
    try {
      chmodSync(open, 0o755);
      chmodSync(private_, 0o700);
      const node = join(open, 'node');
      expect(canUseOwnUid(everything, open, node)).toBe(true);
      expect(canUseOwnUid({ ...everything, unshareAsUser: true }, open, node)).toBe(false);
      expect(canUseOwnUid({ ...everything, root: false }, open, node)).toBe(false);
      expect(canUseOwnUid(everything, private_, node)).toBe(false);
      expect(canUseOwnUid(everything, open, join(private_, 'node'))).toBe(false);
    } finally {
      rmSync(open, { recursive: true, force: true });
      rmSync(private_, { recursive: true, force: true });
    }
  });

  test('with no tool at all: Node.js alone, under its permission model', () => {
    const caps: Capabilities = { permissionFlag: '--experimental-permission', unshareAsUser: false, root: false };
    const { command, args, guards } = sandboxCommand(caps, LIMITS, '/bin/node', NODE_ARGS);
    expect([command, ...args]).toEqual(['/bin/node', ...NODE_ARGS]);
    expect(guards.sort()).toEqual(['own-process-group', 'permission-model']);
  });
});

describe('the result channel', () => {
  const line = (value: object) => `${JSON.stringify(value)}\n`;
  const genuine = (n: number) => [
    line({ kind: 'ready' }),
    ...Array.from({ length: n }, (_, index) =>
      line({ kind: 'result', name: `job ${index}`, result: { output: index } }),
    ),
  ];

  test('takes one line per job however the stream is cut into chunks', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 30 }),
        (jobs, cuts) => {
          const text = genuine(jobs).join('');
          const channel = new ResultChannel();
          channel.expect(Array.from({ length: jobs }, (_, i) => `job ${i}`));
          let at = 0;
          for (const cut of cuts) {
            channel.push(text.slice(at, at + cut));
            at += cut;
          }
          channel.push(text.slice(at));
          expect(channel.tampered).toBeUndefined();
          expect(Array.from({ length: jobs }, (_, i) => channel.results.get(`job ${i}`)?.output)).toEqual(
            Array.from({ length: jobs }, (_, i) => i),
          );
        },
      ),
    );
  });

  test('a result keeps every number the runner sent, NaN and ±Infinity included, at any depth', () => {
    const leaf = fc.oneof(
      // JSON has one zero.
      fc.double().map((x) => (Object.is(x, -0) ? 0 : x)),
      // The strings that stand for NaN and ±Infinity on the channel are theirs alone.
      fc.string().filter((s) => !['NaN', 'Infinity', '-Infinity'].includes(s)),
      fc.boolean(),
      fc.constant(null),
    );
    const { value } = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value')), fc.dictionary(fc.string(), tie('value'))),
    }));
    fc.assert(
      fc.property(value, (output) => {
        const channel = new ResultChannel();
        channel.expect(['job 0']);
        channel.push(`${JSON.stringify({ kind: 'result', name: 'job 0', result: { output } }, encodeNumbers)}\n`);
        expect(channel.tampered).toBeUndefined();
        expect(channel.results.get('job 0')?.output).toEqual(output);
      }),
    );
  });

  test('a line nested deeper than any result is refused, not thrown', () => {
    const channel = new ResultChannel();
    channel.expect(['job 0']);
    const deep = 200_000;
    expect(() =>
      channel.push(`{"kind":"result","name":"job 0","result":{"output":${'['.repeat(deep)}${']'.repeat(deep)}}}\n`),
    ).not.toThrow();
    expect(channel.tampered).toBeDefined();
    expect(channel.results.size).toBe(0);
  });

  test('any forged line, before or after the genuine ones, voids every result', () => {
    const forgeries = fc.oneof(
      fc.nat({ max: 5 }).map((index) => line({ kind: 'result', name: `job ${index}`, result: { output: 'forged' } })),
      fc.constant(line({ kind: 'ready' })),
      fc.constant('{"name":"job 0","result":{"output":1}}\n'),
      fc.string({ minLength: 1 }).map((s) => `${s.replace(/\n/g, '')}\n`),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), forgeries, fc.nat(), (jobs, forged, where) => {
        const lines = genuine(jobs);
        lines.splice(1 + (where % jobs), 0, forged); // after ready: the learner's code runs only once jobs start
        const channel = new ResultChannel();
        channel.expect(Array.from({ length: jobs }, (_, i) => `job ${i}`));
        for (const l of lines) channel.push(l);
        expect(channel.tampered).toBeDefined();
        expect(channel.results.size).toBe(0);
      }),
    );
  });

  test('a forged missing-export failure is cut to size and shape: names capped, at most 8, never anything but text', () => {
    const channel = new ResultChannel();
    channel.push(line({ kind: 'ready' }));
    channel.expect(['job 0', 'job 1']);
    const forged = (missingExport: unknown) => ({ during: 'loading a.ts', message: 'm', missingExport });
    channel.push(
      line({
        kind: 'result',
        name: 'job 0',
        result: { failure: forged({ file: 'a.ts', name: 'x'.repeat(5000), exported: Array(1000).fill('y') }) },
      }),
    );
    channel.push(line({ kind: 'result', name: 'job 1', result: { failure: forged({ exported: 'not a list' }) } }));
    expect(channel.tampered).toBeUndefined();
    const first = channel.results.get('job 0')!.failure!.missingExport!;
    expect(first.name.length).toBeLessThan(200);
    expect(first.exported).toHaveLength(8);
    expect(channel.results.get('job 1')!.failure!.missingExport).toEqual({
      file: 'undefined',
      name: 'undefined',
      exported: [],
    });
  });

  test('a flood without newlines is cut off at the channel limit', () => {
    const channel = new ResultChannel();
    channel.push(line({ kind: 'ready' }));
    channel.expect(['job 0']);
    const block = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 100 && !channel.tampered; i++) channel.push(block);
    expect(channel.tampered).toMatch(/MB arrived/);
  });
});

describe('the platform layer on each system the learner loop supports', () => {
  const nothing: Capabilities = { permissionFlag: '--permission', unshareAsUser: false, root: false };

  test('macOS: no prlimit, unshare or setpriv; Node.js under its permission model in a process group of its own', () => {
    const { command, args, guards } = sandboxCommand(nothing, LIMITS, '/usr/local/bin/node', NODE_ARGS, 7, 'darwin');
    expect([command, ...args]).toEqual(['/usr/local/bin/node', ...NODE_ARGS]);
    expect(guards).toEqual(['permission-model', 'own-process-group']);
    expect(ownGroupOptions('darwin')).toEqual({ detached: true, windowsHide: true });
    expect(missingForOfficial(guards)).toEqual([
      'rlimits',
      'network-namespace',
      'pid-namespace',
      'parent-death-signal',
    ]);
  });

  test('Windows: no sh, no ulimit, no process groups (a detached child would open a console), paths with backslashes', () => {
    const node = 'C:\\Program Files\\nodejs\\node.exe';
    const dir = 'C:\\Users\\ada\\AppData\\Local\\Temp\\grade-sandbox-x1';
    const flags = nodeFlags('--permission', dir, win32);
    expect(flags).toContain(`--allow-fs-read=${dir}\\*`);
    expect(flags.at(-1)).toBe(`${dir}\\runner.mjs`);
    expect(flags.some((flag) => flag.includes('/'))).toBe(false);
    const { command, args, guards } = sandboxCommand(nothing, LIMITS, node, flags, undefined, 'win32');
    expect(command).toBe(node); // started directly: no shell, no wrapper tool
    expect(args).toEqual(flags);
    expect(guards).toEqual(['permission-model']);
    expect(ownGroupOptions('win32')).toEqual({ detached: false, windowsHide: true });
  });

  test('Linux: the same flags with forward slashes, and every guard grading for the record needs', () => {
    expect(nodeFlags('--permission', '/tmp/grade-sandbox-x1', posix)).toContain(
      '--allow-fs-read=/tmp/grade-sandbox-x1/*',
    );
    const { guards } = sandboxCommand(everything, LIMITS, '/usr/bin/node', NODE_ARGS, 2_000_000_001, 'linux');
    expect(missingForOfficial(guards)).toEqual([]);
    expect(OFFICIAL_GUARDS.every((guard) => guards.includes(guard))).toBe(true);
  });

  test('grading for the record refuses a weak sandbox, names what is missing and where it comes from, unless allowed', () => {
    const weak = sandboxCommand(nothing, LIMITS, '/usr/local/bin/node', NODE_ARGS, undefined, 'darwin').guards;
    expect(() => requireOfficialGuards(weak, false)).toThrow(WeakSandboxError);
    expect(() => requireOfficialGuards(weak, false)).toThrow(
      /lacks rlimits, network-namespace, pid-namespace, parent-death-signal, which come from util-linux's prlimit and util-linux's unshare and util-linux's setpriv[^]*--allow-weak-sandbox/,
    );
    expect(() => requireOfficialGuards(weak, true)).not.toThrow();
    expect(() => requireOfficialGuards([...OFFICIAL_GUARDS], false)).not.toThrow();
    expect(guardsLine(weak)).toMatch(
      /^sandbox guards on \w+: permission-model, own-process-group \(not here: rlimits, /,
    );
  });
});

describe('the grader where the operating system’s tools are missing or broken', () => {
  const made: string[] = [];
  const folder = (prefix: string) => {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    made.push(dir);
    return dir;
  };
  afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** A PATH holding only `node` (and, optionally, stand-ins for system tools). */
  function pathWith(tools: Record<string, string> = {}): string {
    const bin = folder('sandbox-bin-');
    symlinkSync(process.execPath, join(bin, 'node'));
    for (const [name, script] of Object.entries(tools)) {
      writeFileSync(join(bin, name), script);
      chmodSync(join(bin, name), 0o755);
    }
    return bin;
  }
  const grade = (path: string, args: string[]) =>
    spawnSync(process.execPath, [LAUNCH, 'grader/cli/grade.ts', ...args, '--format', 'json'], {
      cwd: KIT_ROOT,
      encoding: 'utf8',
      timeout: 90_000,
      env: { ...process.env, PATH: path },
    });

  test('with only node on PATH, the solutions still earn full marks and an endless loop is still stopped', () => {
    const path = pathWith();
    const solutions = grade(path, ['--target', 'solutions']);
    expect(solutions.status, solutions.stderr).toBe(0);
    const report = JSON.parse(solutions.stdout) as { score: number; maxScore: number; sandbox: { guards: string[] } };
    expect(report.score).toBe(report.maxScore);
    // The report says which guards were on: here only what Node.js and the process itself give.
    expect(report.sandbox.guards).toEqual(['permission-model', 'own-process-group']);

    const stubs = grade(path, []);
    expect(stubs.status, stubs.stderr).toBe(1);
    expect((JSON.parse(stubs.stdout) as { score: number }).score).toBe(0);

    const target = folder('sandbox-loop-');
    cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
    cpSync(join(KIT_ROOT, 'tests', 'adversarial', 'sandbox', 'hang-at-load.ts'), join(target, 'optimizers', 'sgd.ts'));
    const started = Date.now();
    const looping = grade(path, ['sgd', '--target', target]);
    expect(looping.status).toBe(1);
    expect((JSON.parse(looping.stdout) as { exercises: Array<{ status: string }> }).exercises[0]!.status).toBe(
      'timeout',
    );
    expect(Date.now() - started).toBeLessThan(45_000);
  }, 120_000);

  test('with only node on PATH, learner code still cannot signal the grader or outlive it', async () => {
    const path = pathWith();
    for (const attack of ['signal-group', 'signal-parent', 'sleeping-orphan']) {
      const target = folder(`sandbox-${attack}-`);
      cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
      cpSync(join(KIT_ROOT, 'tests', 'adversarial', 'sandbox', `${attack}.ts`), join(target, 'optimizers', 'sgd.ts'));
      // Its own process group, so that a signal to the grader's group could not reach this test runner.
      const child = spawn(
        process.execPath,
        [LAUNCH, 'grader/cli/grade.ts', 'sgd', '--target', target, '--format', 'json'],
        {
          cwd: KIT_ROOT,
          env: { ...process.env, PATH: path },
          detached: true,
        },
      );
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      const limit = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 60_000);
      const [status, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
        child.on('close', (c, s) => resolve([c, s])),
      );
      clearTimeout(limit);
      expect(signal, attack).toBeNull();
      expect(status, attack).toBe(1);
      expect((JSON.parse(stdout) as { exercises: Array<{ status: string }> }).exercises[0]!.status, attack).not.toBe(
        'pass',
      );
    }
  }, 180_000);

  test("with only node on PATH, learner code running as the grader's own user still reaches no Unix socket of it", async () => {
    let reached = 0;
    const listener = await listenOn('/tmp/adversarial-listener-weak.sock', () => reached++);
    try {
      const target = folder('sandbox-console-streams-');
      cpSync(join(KIT_ROOT, 'exercises'), target, { recursive: true });
      cpSync(
        join(KIT_ROOT, 'tests', 'adversarial', 'sandbox', 'console-streams.ts'),
        join(target, 'optimizers', 'sgd.ts'),
      );
      const graded = grade(pathWith(), ['sgd', '--target', target]);
      expect(graded.status, graded.stderr).toBe(1);
      // A connection made while the grader ran waits in the listener's queue: one turn of the event loop takes it.
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(reached, 'the sandbox connected to the socket').toBe(0);
    } finally {
      listener.close();
    }
  }, 60_000);

  test('with only node on PATH, grading for the record refuses to start, unless told to go ahead', () => {
    const path = pathWith();
    for (const args of [
      ['sgd', '--official'],
      ['--submissions', folder('sandbox-class-')],
    ]) {
      const refused = grade(path, args);
      expect(refused.status, args.join(' ')).toBe(2);
      expect(refused.stderr).toMatch(/grading for the record needs the sandbox's full guards[^]*lacks rlimits/);
      expect(refused.stderr).toContain('--allow-weak-sandbox');
      expect(refused.stdout).toBe('');
    }
    const allowed = grade(path, ['sgd', '--target', 'solutions', '--official', '--allow-weak-sandbox']);
    expect(allowed.status, allowed.stderr).toBe(0);
    expect((JSON.parse(allowed.stdout) as { sandbox: { guards: string[] } }).sandbox.guards).not.toContain('rlimits');
  }, 60_000);

  test('a system tool that fails makes the grader say the fault is its own, with exit 2', () => {
    // Passes the probe (`prlimit --cpu=1 true`), fails for real, as a machine that forbids setting limits would.
    const path = pathWith({
      prlimit:
        '#!/bin/sh\n[ "$2" = true ] && exit 0\necho "prlimit: setrlimit failed: Operation not permitted" >&2\nexit 1\n',
    });
    const result = grade(`${path}:/bin:/usr/bin`, ['sgd']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`the grader could not start its sandbox on Node.js ${process.version}`);
    expect(result.stderr).toContain('Operation not permitted');
    expect(result.stderr).toMatch(/not your code's fault/);
    expect(result.stdout).not.toMatch(/process\.exit/);
  }, 60_000);
});
