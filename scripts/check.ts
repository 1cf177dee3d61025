// `npm run check`: the maintainer's gate (rustlings' `dev check`). Every solution passes its suite, every stub
// fails it, the generated stubs are current, no hidden solution line leaks into exercises/, and every reveal probe
// runs on the solutions and gives finite numbers (so the release can seal them, whenever revealSolutions asks).
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { loadCourses } from '../grader/course/course-metadata.js';
import { probeNumbers, resultShape } from '../grader/reveal/reveal-key.js';
import { runProbe } from '../grader/reveal/run-probe.js';
import { describeLeak, scanForLeaks } from './release/leak-scan.js';
import { hiddenLines } from './stubs/hidden-text.js';

const root = resolve(import.meta.dirname, '..');

interface Report {
  exercises: Array<{ id: string; status: string; tests: Array<{ status: string; message: string }> }>;
}

function run(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [join(root, 'scripts', 'launch.mjs'), script, ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function grade(args: string[]): Report {
  const result = run('grader/cli/grade.ts', [...args, '--format', 'json']);
  if (result.status !== 0 && result.status !== 1) throw new Error(`the grader failed: ${result.stderr.trim()}`);
  return JSON.parse(result.stdout) as Report;
}

const problems: string[] = [];
const checkItem = (ok: boolean, what: string, details: string[] = []) => {
  console.log(`${ok ? '✓' : '✗'} ${what}`);
  if (!ok) {
    for (const line of details) console.log(`    ${line}`);
    problems.push(what);
  }
};

const stubs = run('scripts/stubs.ts', ['--check']);
checkItem(stubs.status === 0, 'exercises/ is what solutions/ generates', stubs.stderr.trim().split('\n'));

const solutions = grade(['--target', 'solutions']);
const failing = solutions.exercises.filter((e) => e.status !== 'pass');
checkItem(
  failing.length === 0,
  `every solution passes its suite (${solutions.exercises.length} exercises)`,
  failing.map((e) => `${e.id}: ${e.status}: ${e.tests.find((t) => t.status !== 'pass')?.message ?? ''}`),
);

const learner = grade([]);
const passingStubs = learner.exercises.filter((e) => e.status === 'pass');
checkItem(
  passingStubs.length === 0,
  'every stub fails its suite (so each exercise asks for work)',
  passingStubs.map((e) => `${e.id} passes untouched`),
);

const courses = loadCourses(root);
const leaks = courses.flatMap((course) => scanForLeaks(join(root, 'exercises'), hiddenLines(root, course)));
checkItem(leaks.length === 0, 'no hidden solution line appears under exercises/', leaks.map(describeLeak));

const probed = courses.flatMap((course) => course.exercises.filter((e) => e.revealProbe.length > 0));
const probeProblems: string[] = [];
for (const exercise of probed) {
  const run = await runProbe(root, join(root, 'solutions'), 'solutions', exercise, exercise.revealProbe);
  const where = `courses/${exercise.course}/info.toml, exercise "${exercise.id}"`;
  if (run.problem !== undefined) probeProblems.push(`${where}: the reveal probe fails on the solution: ${run.problem}`);
  else {
    const numbers = probeNumbers(run.results, resultShape(run.results));
    if (numbers.length === 0)
      probeProblems.push(`${where}: the reveal probe gives no number, so no key can come from it`);
    else if (!numbers.every(Number.isFinite))
      probeProblems.push(
        `${where}: the reveal probe gives ${numbers.find((v) => !Number.isFinite(v))} on the solution; change its inputs`,
      );
  }
}
const revealed = courses.flatMap((c) => (c.revealSolutions ?? []).map((id) => `${c.id}/${id}`));
checkItem(
  probeProblems.length === 0,
  `every reveal probe runs on its solution with finite results (${probed.length} probes; revealed in a kit: ${revealed.join(', ') || 'none'})`,
  probeProblems,
);

console.log(problems.length === 0 ? '\nall checks passed' : `\n${problems.length} check(s) failed`);
process.exitCode = problems.length === 0 ? 0 : 1;
