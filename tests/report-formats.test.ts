// The report in other systems' formats, built in-process from a report whose messages quote what a learner's code
// printed (grader/cli/report-formats.ts); the CLI's --format is run in grade-class.test.ts.
import { expect, test } from 'vitest';
import type { ExerciseReport, GradeReport } from '../grader/cli/grade-report.js';
import { toGradescope, toJunit } from '../grader/cli/report-formats.js';

// Anything a program can print: markup, quotes, a terminal's colour codes, a NUL, the two non-characters.
const printed = 'a <b> & "c" \'d\' \u001b[31mred\u001b[0m\u0000 \uffff\ufffe end';
const exercise: ExerciseReport = {
  id: 'course/one',
  course: 'course',
  exercise: 'one',
  title: 'One & <two>',
  bonus: false,
  status: 'error',
  score: 0,
  maxScore: 1,
  message: `your code stopped (it printed: ${printed})`,
  kind: 'crash',
  notImplemented: false,
  hidden: { total: 0, passed: 0 },
  tests: [
    { name: 'runs "quoted"', status: 'error', kind: 'crash', message: `your code stopped (it printed: ${printed})` },
    { name: 'prints', status: 'pass', message: '', printed: `θ = ${printed}\n` },
  ],
};
const report: GradeReport = { score: 0, maxScore: 1, exercises: [exercise] };

test('JUnit XML escapes markup and drops what XML 1.0 cannot hold, keeping the rest of the message', () => {
  const text = toJunit(report);
  // What XML 1.0 allows: tab, newline, carriage return, and from the space up, but for U+FFFE and U+FFFF.
  // eslint-disable-next-line no-control-regex
  expect(text).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  expect(text).toContain('<testsuite name="One &amp; &lt;two&gt;" tests="2" failures="0" errors="1">');
  expect(text).toContain('<testcase classname="course/one" name="runs &quot;quoted&quot;">');
  expect(text).toContain('(it printed: a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; [31mred[0m  end)</error>');
  // What a test's code printed goes where JUnit keeps a test's output, escaped the same way.
  expect(text).toContain(
    '<testcase classname="course/one" name="prints"><system-out>θ = a &lt;b&gt; &amp; &quot;c&quot; &apos;d&apos; [31mred[0m  end\n</system-out></testcase>',
  );
  // Every element opened is closed: no markup of the message's own got through.
  expect(text.match(/<(?!\/|\?)[a-z-]+/g)?.length).toBe(text.match(/<\/[a-z-]+>/g)?.length);
});

test("Gradescope's results.json carries the message as it is: JSON can hold every character", () => {
  const results = JSON.parse(toGradescope(report)) as { tests: Array<{ name: string; output: string }> };
  expect(results.tests.map((t) => t.output).join('\n')).toContain(printed);
  expect(results.tests.find((t) => t.name === 'course/one: prints')?.output).toBe(
    `Your code printed:\nθ = ${printed}\n`,
  );
});
