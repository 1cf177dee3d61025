// A message about a process that died quotes what the learner's code printed, not the report Node.js writes when it
// aborts (grader/sandbox/fatal-report.ts). The report below is Node.js 20's, as it prints one for a heap too small.
import { expect, test } from 'vitest';
import { beforeFatalReport } from '../grader/sandbox/fatal-report.js';

const NODE_20_REPORT = `
<--- Last few GCs --->

[28985:0x205e7ef0]       65 ms: Mark-Compact 32.6 (49.7) -> 32.1 (65.5) MB, 8.77 / 0.00 ms  allocation failure;


<--- JS stacktrace --->

FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory
----- Native stack trace -----

 1: 0xb78db3 node::OOMErrorHandler(char const*, v8::OOMDetails const&) [/usr/bin/node]
`;

test("the learner's lines are kept, and Node.js's report from its first line on is left out", () => {
  expect(beforeFatalReport(`step 1\nstep 2\n${NODE_20_REPORT}`)).toBe('step 1\nstep 2\n\n');
  // Node.js 24 leaves out the JavaScript stack's heading: its report still ends where it begins.
  expect(
    beforeFatalReport('step 1\nFATAL ERROR: Reached heap limit\n----- Native stack trace -----\n 1: 0x9434f0'),
  ).toBe('step 1\n');
  expect(beforeFatalReport('nothing fatal: FATAL ERROR: only in the middle of a line\n')).toBe(
    'nothing fatal: FATAL ERROR: only in the middle of a line\n',
  );
});
