// The commands' options as parseArgs reads them, every mistake said in one line before anything runs
// (grader/cli/read-options.ts); the commands themselves are run with bad command lines in their own tests.
import { expect, test } from 'vitest';
import { optionProblem, readOptions, UsageError } from '../grader/cli/read-options.js';

const OPTIONS = {
  out: { type: 'string' },
  course: { type: 'string', multiple: true },
  check: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

test.each([
  [['--out'], true, '--out needs a value'],
  [['--out='], true, '--out needs a value'],
  [['--course', 'a', '--course'], true, '--course needs a value'],
  [
    ['--out', '--check'],
    true,
    '--out needs a value (it is followed by --check; write --out=--check if that is the value)',
  ],
  [['--check=yes'], true, '--check takes no value (given: yes)'],
  [['--chek'], true, 'unknown option --chek (did you mean --check?)'],
  [['notes.txt'], false, 'unexpected argument notes.txt: this command takes only options'],
] as const)('%j is refused: %s', (argv, positionals, problem) => {
  expect(optionProblem([...argv], OPTIONS, positionals)).toBe(problem);
  let thrown: unknown;
  try {
    readOptions([...argv], OPTIONS, positionals);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UsageError);
  expect((thrown as UsageError).message).toBe(problem);
});

test('what parseArgs takes goes through as it reads it', () => {
  const argv = ['--out=-odd-name', '--course', 'a', '--course=b', '-h', 'x', '--', '--check'];
  expect(optionProblem(argv, OPTIONS, true)).toBeUndefined();
  const { values, positionals } = readOptions(argv, OPTIONS, true);
  expect(values).toEqual({ out: '-odd-name', course: ['a', 'b'], help: true });
  // After `--`, an argument that looks like an option is an argument.
  expect(positionals).toEqual(['x', '--check']);
});
