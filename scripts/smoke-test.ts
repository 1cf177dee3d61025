// `npm run smoke`: the student loop on whichever Node.js and system run it, as CI checks each supported LTS line
// and the platforms workflow each system: the solutions earn full marks, the stubs earn nothing (exit 1), the
// adversarial corpora stay contained (where the sandbox has the full guards that grading for the record needs:
// Linux), and the site builds. Prints one line per check; exits 1 if any fails.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { guardsLine } from '../grader/cli/official-grading.js';
import { missingForOfficial } from '../grader/sandbox/isolation.js';
import { sandboxGuards } from '../grader/sandbox/run-sandboxed.js';
import { takeNoArguments } from './no-arguments.js';

const root = resolve(import.meta.dirname, '..');
const node = process.execPath;

const USAGE = `usage: npm run smoke
  the student loop on this Node.js and system: solutions earn full marks, stubs earn nothing, the adversarial
  corpora stay contained (Linux), the site builds; one line per check, exit 1 if any fails`;
// Read before anything runs: a mistyped argument should not start the work.
takeNoArguments(USAGE);
const run = (args: string[]) =>
  spawnSync(node, args, {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });

interface Report {
  score: number;
  maxScore: number;
}

function grade(target: string): { status: number | null; report?: Report; stderr: string } {
  const result = run(['scripts/launch.mjs', 'grader/cli/grade.ts', '--target', target, '--format', 'json']);
  try {
    return { status: result.status, report: JSON.parse(result.stdout) as Report, stderr: result.stderr };
  } catch {
    return { status: result.status, stderr: result.stderr || result.stdout };
  }
}

/** A check that does not apply on this system. */
const SKIPPED = Symbol('skipped');

const checks: Array<[string, () => string | null | typeof SKIPPED]> = [
  [
    'solutions earn full marks',
    () => {
      const { status, report, stderr } = grade('solutions');
      return status === 0 && report && report.score === report.maxScore
        ? null
        : `exit ${status}, ${report ? `${report.score}/${report.maxScore}` : stderr.slice(0, 500)}`;
    },
  ],
  [
    'stubs earn nothing and exit 1',
    () => {
      const { status, report, stderr } = grade('exercises');
      return status === 1 && report?.score === 0
        ? null
        : `exit ${status}, ${report ? `${report.score}/${report.maxScore}` : stderr.slice(0, 500)}`;
    },
  ],
  [
    'the adversarial corpora (sandbox and bundling) are contained',
    () => {
      // The corpora include attacks that only the operating system's guards stop (signals, orphans): a platform
      // without them serves a learner's own feedback, never grading for the record, which refuses to run there.
      if (missingForOfficial(guards).length > 0) return SKIPPED;
      const result = run([
        join('node_modules', 'vitest', 'vitest.mjs'),
        'run',
        '--config',
        'tests/vitest.config.ts',
        'tests/integrity.test.ts',
        'tests/adversarial-bundle.test.ts',
      ]);
      return result.status === 0 ? null : `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-40).join('\n');
    },
  ],
  [
    'the site builds',
    () => {
      const out = mkdtempSync(join(tmpdir(), 'smoke-site-'));
      try {
        const result = run([join('scripts', 'launch.mjs'), 'site/scripts/build.ts', '--out-dir', out]);
        return result.status === 0
          ? null
          : `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-20).join('\n');
      } finally {
        rmSync(out, { recursive: true, force: true });
      }
    },
  ],
];

const guards = await sandboxGuards();
console.log(guardsLine(guards));
let failed = 0;
for (const [name, check] of checks) {
  const started = performance.now();
  const problem = check();
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (problem === SKIPPED) {
    console.log(
      `- Node.js ${process.version}: ${name}: skipped, this system lacks guards grading for the record needs`,
    );
    continue;
  }
  console.log(
    `${problem ? '✗' : '✓'} Node.js ${process.version}: ${name} (${seconds} s)${problem ? `\n${problem}` : ''}`,
  );
  if (problem) failed++;
}
process.exit(failed === 0 ? 0 : 1);
