// For a command that takes no argument (its settings come from the environment), read with the other commands'
// parser: `--help` or `-h` prints its usage and exits 0; anything else is named, with the usage, exit 2. Called
// before the command does any work.
import { readCommandLine, readOptions } from '../grader/cli/read-options.js';

export function takeNoArguments(usage: string, argv = process.argv.slice(2)): void {
  const { values } = readCommandLine(usage, () => readOptions(argv, { help: { type: 'boolean', short: 'h' } }, false));
  if (!values.help) return;
  console.log(usage);
  process.exit(0);
}
