// `npm run check`: the maintainer's gate (rustlings' `dev check`). The kit type-checks, every solution passes its
// suite, every stub fails it, the generated stubs are current, no hidden solution line leaks into exercises/, and
// every reveal probe runs on the solutions and gives finite numbers (so the release can seal them, whenever
// revealSolutions asks). Grading runs in this process: the verdicts are the grade report itself. A maintainer at work
// on one course checks it alone (`npm run check -- <course>`); the type check is always the whole kit's.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { selectCourses } from '../grader/cli/course-selection.js';
import { exitOnSignals } from '../grader/cli/exit-on-signal.js';
import { readCommandLine, readOptions } from '../grader/cli/read-options.js';
import { openGrader } from '../grader/cli/grade-folder.js';
import { loadCourses, type Course } from '../grader/course/course-metadata.js';
import { probeNumbers, resultShape } from '../grader/reveal/reveal-key.js';
import { runProbe } from '../grader/reveal/run-probe.js';
import { describeLeak, scanForLeaks } from './release/leak-scan.js';
import { hiddenLines } from './stubs/hidden-text.js';

const root = resolve(import.meta.dirname, '..');
exitOnSignals();

const USAGE = `usage: npm run check -- [--course NAME ...] [course ...]
  --course NAME  check this course only (also: the course's name alone; repeat for several); every course by default`;

/** The courses named on the command line (`named`), or every course; exits 2 with the usage on a mistake. */
function coursesToCheck(argv: string[]): { courses: Course[]; named: string[] } {
  const options = { course: { type: 'string', multiple: true }, help: { type: 'boolean', short: 'h' } } as const;
  const { values, positionals } = readCommandLine(USAGE, () => readOptions(argv, options, true));
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const named = [...(values.course ?? []), ...positionals];
  return { courses: readCommandLine(USAGE, () => selectCourses(loadCourses(root), named)), named };
}
const { courses, named } = coursesToCheck(process.argv.slice(2));

interface Finished {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Starts a command now and gives its outcome when it ends: the checks in other processes run beside the grading. */
function start(command: string, args: string[]): Promise<Finished> {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, NO_COLOR: '1' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    child.on('error', (error) => done({ status: null, stdout, stderr: `${stderr}${error.message}` }));
    child.on('close', (status) => done({ status, stdout, stderr }));
  });
}

/** `n` things, in the singular for one. */
const count = (n: number, thing: string): string => `${n} ${thing}${n === 1 ? '' : 's'}`;

const problems: string[] = [];
const checkItem = (ok: boolean, what: string, details: string[] = []) => {
  console.log(`${ok ? '✓' : '✗'} ${what}`);
  if (!ok) {
    for (const line of details) console.log(`    ${line}`);
    problems.push(what);
  }
};

const typechecking = start(process.execPath, [
  join(root, 'node_modules', 'typescript-native', 'bin', 'tsc'),
  '--noEmit',
  '-p',
  'tsconfig.kit.json',
]);
const stubsChecking = start(process.execPath, [
  join(root, 'scripts', 'launch.mjs'),
  'scripts/stubs.ts',
  '--check',
  // Named courses only: with none named, stubs also looks for files of no course at all.
  ...(named.length > 0 ? courses.flatMap((c) => ['--course', c.id]) : []),
]);
const everyExercise = courses.flatMap((c) => c.exercises);
const grader = await openGrader(root);
let solutions, learner;
try {
  solutions = await grader.gradeFolder(everyExercise, join(root, 'solutions'), 'solutions');
  learner = await grader.gradeFolder(everyExercise, join(root, 'exercises'), 'exercises');
} finally {
  await grader.close();
}

const typecheck = await typechecking;
checkItem(
  typecheck.status === 0,
  'the kit type-checks (tsc --noEmit -p tsconfig.kit.json)',
  `${typecheck.stdout}${typecheck.stderr}`.trim().split('\n').slice(0, 40),
);

const stubs = await stubsChecking;
checkItem(stubs.status === 0, 'exercises/ is what solutions/ generates', stubs.stderr.trim().split('\n'));
const failing = solutions.reports.filter((e) => e.status !== 'pass');
checkItem(
  failing.length === 0,
  `every solution passes its suite (${count(solutions.reports.length, 'exercise')})`,
  failing.map((e) => `${e.id}: ${e.status}: ${e.message}`),
);

const passingStubs = learner.reports.filter((e) => e.status === 'pass');
checkItem(
  passingStubs.length === 0,
  'every stub fails its suite (so each exercise asks for work)',
  passingStubs.map((e) => `${e.id} passes untouched`),
);

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
  `every reveal probe runs on its solution with finite results (${count(probed.length, 'probe')}; revealed in a kit: ${revealed.join(', ') || 'none'})`,
  probeProblems,
);

console.log(problems.length === 0 ? '\nall checks passed' : `\n${count(problems.length, 'check')} failed`);
process.exitCode = problems.length === 0 ? 0 : 1;
