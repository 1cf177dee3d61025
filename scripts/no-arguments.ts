// For a command that takes no argument (its settings come from the environment), read with the other commands'
// parser: `--help` or `-h` prints its usage and exits 0; anything else is named, with the usage, exit 2. Called
// before the command does any work.
import { readOptions, UsageError } from '../grader/cli/read-options.js';

export function takeNoArguments(usage: string, argv = process.argv.slice(2)): void {
  let help: boolean;
  try {
    help = readOptions(argv, { help: { type: 'boolean', short: 'h' } }, false).values.help === true;
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n${usage}`);
    process.exit(2);
  }
  if (!help) return;
  console.log(usage);
  process.exit(0);
}
