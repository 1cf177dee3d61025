// `npm run new -- <course>/<exercise>`: scaffolds an exercise (its solution with a // Hide region, its test
// suite, its instructions and its metadata entry), then generates its stub; for a course that does not exist yet,
// the course too (its info.toml and concepts). Nothing else needs editing, and no other course's file changes: the
// grader, the stubs, the site and the release all read the course's info.toml.
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadCourses } from '../grader/course/course-metadata.js';

const root = resolve(import.meta.dirname, '..');
const ID = /^[a-z][a-z0-9-]*$/;
// Names Windows keeps for devices, with any ending: a file `con.ts` cannot be checked out there.
const WINDOWS_DEVICES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/;

const camel = (id: string): string => id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const title = (id: string): string => id.replace(/-/g, ' ').replace(/^./, (c) => c.toUpperCase());

function solution(id: string): string {
  return `// ${title(id)}: replace this example with the exercise. Learners get the file without the // Hide region.

/** Returns the answer the tests expect. */
export function ${camel(id)}(): number {
  // Hide: all
  return 42;
  // Hide: none
}
`;
}

function suite(course: string, id: string): string {
  return `// The ${title(id)} exercise: its suite runs the learner's file in the sandbox and checks what it returns.
import { expect, test } from 'vitest';
import { forEachTarget } from '../harness/grade-targets.js';
import { expectNoFailure, runSession } from '../harness/learner-session.js';

forEachTarget((target) =>
  test('returns the answer', async () => {
    const jobs = [{ name: 'answer', driver: 'call', input: { module: '${id}.ts', exportName: '${camel(id)}', args: [] } }];
    const session = await runSession(target, '${course}', ['${id}.ts'], jobs);
    const result = session.result('answer');
    expectNoFailure(result);
    expect((result.output as { value: unknown }).value, 'the value ${camel(id)}() returns').toBe(42);
  }),
);
`;
}

function instructions(course: string, id: string): string {
  return `Say in a sentence what the learner builds and why it matters.

## Your task

Open **\`exercises/${course}/${id}.ts\`** and complete \`${camel(id)}()\`.

## Check your work

\`\`\`sh
npm run grade ${course}/${id}
\`\`\`
`;
}

/** A new course's manifest: placeholders for what every course says, and the switches at their defaults. */
function courseInfo(course: string): string {
  return `# The ${course} course: its exercises in the order a learner does them (README.md explains every key).
title = "${title(course)}"
summary = "One sentence on what this course teaches."
# Variant labels that // Hide: markers may use beside all, none and solution.
labels = []
# true or a list of ids lets passing learners see official solutions (npm run reveal); see README.md
revealSolutions = false

# What the kit's commands say of this course (each has a plain default).
[texts]
allDone = "Explore the site: npm run site"
readmeSite = "read the course in the browser"
readmeFeedback = "A failure says what was expected and what your code gave."
`;
}

function metadata(id: string): string {
  return `
[[exercises]]
id = "${id}"
title = "${title(id)}"
files = ["${id}.ts"]
points = 1
bonus = false
hints = [
  "A first hint, revealed by npm run hint <course>/${id}.",
]
# To let passing learners reveal this solution (revealSolutions, at the top), give it a probe: sandbox jobs on
# inputs no visible test uses, whose results every passing implementation shares (CONTRIBUTING.md). E.g.
# [[exercises.reveal]]
# driver = "call"
# input = { module = "${id}.ts", exportName = "${camel(id)}", args = [] }
`;
}

const USAGE =
  'usage: npm run new -- <course>/<id>   (lower-case letters, digits and dashes; a course that does not exist yet is created)';

/** What is wrong with the name given, in words, or undefined for a name `new` can scaffold. */
function nameProblem(argv: string[]): string | undefined {
  const [spec, ...more] = argv;
  if (spec === undefined) return 'name the exercise, e.g. npm run new -- statistics/mean';
  // One exercise at a time, named whole: `a/b/c` or a second argument must not scaffold a/b and drop the rest.
  if (more.length > 0) return `one exercise at a time (given: ${argv.join(' ')})`;
  const parts = spec.split('/');
  if (parts.length !== 2) return `${spec}: name the course and the exercise, as <course>/<id>, e.g. statistics/mean`;
  const wrong = parts.find((name) => !ID.test(name));
  if (wrong !== undefined) {
    const lower = ID.test(wrong.toLowerCase()) ? ` (${wrong.toLowerCase()}?)` : '';
    return `${JSON.stringify(wrong)} cannot be a name${lower}: a course or an exercise is named in lower-case letters, digits and dashes, starting with a letter`;
  }
  const reserved = parts.find((name) => WINDOWS_DEVICES.test(name));
  if (reserved)
    return `${reserved} cannot name a file on Windows (it is a device's name there), and the kit is used on Windows: choose another name`;
  return undefined;
}

function main(argv: string[]): number {
  if (argv.length === 1 && (argv[0] === '--help' || argv[0] === '-h')) {
    console.log(USAGE);
    return 0;
  }
  const problem = nameProblem(argv);
  if (problem) {
    console.error(`error: ${problem}\n${USAGE}`);
    return 2;
  }
  const [course, id] = argv[0]!.split('/') as [string, string];
  const existing = loadCourses(root).find((c) => c.id === course);
  if (existing?.exercises.some((e) => e.id === id)) {
    console.error(`${course}/${id} exists already (courses/${course}/info.toml)`);
    return 2;
  }
  const info = join(root, 'courses', course, 'info.toml');
  const files = {
    solution: join('solutions', course, `${id}.ts`),
    suite: join('grader', course, `${id}.test.ts`),
    instructions: join('courses', course, `${id}.md`),
  };
  const taken = Object.values(files).filter((f) => existsSync(join(root, f)));
  if (taken.length > 0) {
    console.error(`refusing to overwrite ${taken.join(', ')}; nothing was written`);
    return 2;
  }
  // What this command wrote, to undo if the stub cannot be made: a half-made exercise is neither gradable nor new.
  const infoBefore = existing ? readFileSync(info, 'utf8') : undefined;
  const madeFolders = [join('solutions', course), join('grader', course), join('courses', course)].flatMap(
    (dir) => mkdirSync(join(root, dir), { recursive: true }) ?? [],
  );
  const written: string[] = [];
  const write = (file: string, text: string) => {
    written.push(file);
    writeFileSync(file, text);
  };
  if (!existing) {
    write(info, courseInfo(course));
    write(
      join(root, 'courses', course, 'concepts.md'),
      `# Concepts\n\nThe ideas a learner needs before the first exercise.\n`,
    );
  }
  write(join(root, files.solution), solution(id));
  write(join(root, files.suite), suite(course, id));
  write(join(root, files.instructions), instructions(course, id));
  appendFileSync(info, metadata(id));
  // Only this course's stubs: another course's files stay as they are, even stale or edited ones.
  const stubs = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'launch.mjs'), 'scripts/stubs.ts', '--course', course],
    { cwd: root, stdio: 'inherit' },
  );
  if (stubs.status !== 0) {
    for (const file of written) rmSync(file, { force: true });
    if (infoBefore !== undefined) writeFileSync(info, infoBefore);
    for (const folder of madeFolders) rmSync(folder, { recursive: true, force: true });
    console.error(
      `\nnpm run new changed nothing: ${course}/${id} needs its stub, and the course's stubs could not be generated (above). Once \`npm run stubs -- --course ${course}\` succeeds, run npm run new again.`,
    );
    return stubs.status ?? 1;
  }
  const created = existing
    ? ''
    : `the course ${course} (courses/${course}/info.toml and concepts.md: fill in their placeholders), `;
  console.log(`\ncreated ${created}${Object.values(files).join(', ')} and its entry in courses/${course}/info.toml.
next: write the solution (keep the learner's part inside // Hide: all … // Hide: none), the suite and the
instructions, then \`npm run stubs\` and \`npm run check\`.`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
