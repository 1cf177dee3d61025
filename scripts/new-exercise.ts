// `npm run new -- <course>/<exercise>`: scaffolds an exercise (its solution with a // Hide region, its test
// suite, its instructions and its metadata entry), then generates its stub; for a course that does not exist yet,
// the course too (its info.toml and concepts). Nothing else needs editing, and no other course's file changes: the
// grader, the stubs, the site and the release all read the course's info.toml.
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
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

function main(argv: string[]): number {
  const [spec, ...more] = argv;
  const parts = spec?.split('/') ?? [];
  const [course, id] = parts;
  // One exercise at a time, named whole: `a/b/c` or a second argument must not scaffold a/b and drop the rest.
  if (more.length > 0 || parts.length !== 2 || !course || !id || !ID.test(course) || !ID.test(id)) {
    console.error(
      'usage: npm run new -- <course>/<id>   (lower-case letters, digits and dashes; a course that does not exist yet is created)',
    );
    return 2;
  }
  const reserved = [course, id].find((name) => WINDOWS_DEVICES.test(name));
  if (reserved) {
    console.error(
      `${reserved} cannot name a file on Windows (it is a device's name there), and the kit is used on Windows: choose another name`,
    );
    return 2;
  }
  const existing = loadCourses(root).find((c) => c.id === course);
  if (existing?.exercises.some((e) => e.id === id)) {
    console.error(`${course}/${id} exists already (courses/${course}/info.toml)`);
    return 2;
  }
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
  for (const dir of [join('solutions', course), join('grader', course), join('courses', course)])
    mkdirSync(join(root, dir), { recursive: true });
  if (!existing) {
    writeFileSync(join(root, 'courses', course, 'info.toml'), courseInfo(course));
    writeFileSync(
      join(root, 'courses', course, 'concepts.md'),
      `# Concepts\n\nThe ideas a learner needs before the first exercise.\n`,
    );
  }
  writeFileSync(join(root, files.solution), solution(id));
  writeFileSync(join(root, files.suite), suite(course, id));
  writeFileSync(join(root, files.instructions), instructions(course, id));
  appendFileSync(join(root, 'courses', course, 'info.toml'), metadata(id));
  // Only this course's stubs: another course's files stay as they are, even stale or edited ones.
  const stubs = spawnSync(
    process.execPath,
    [join(root, 'scripts', 'launch.mjs'), 'scripts/stubs.ts', '--course', course],
    { cwd: root, stdio: 'inherit' },
  );
  const created = existing
    ? ''
    : `the course ${course} (courses/${course}/info.toml and concepts.md: fill in their placeholders), `;
  console.log(`\ncreated ${created}${Object.values(files).join(', ')} and its entry in courses/${course}/info.toml.
next: write the solution (keep the learner's part inside // Hide: all … // Hide: none), the suite and the
instructions, then \`npm run stubs\` and \`npm run check\`.`);
  return stubs.status ?? 1;
}

process.exitCode = main(process.argv.slice(2));
