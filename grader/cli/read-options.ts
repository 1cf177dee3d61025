// A command's options read with Node.js's parseArgs, each mistake said in one line a user can act on. parseArgs
// itself answers "Option '--out <value>' argument missing" or "Unexpected argument 'x'. This command does not take
// positional arguments", or, for an option it does not know, throws with a stack trace where nothing catches it.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { unknownOption } from './unknown-option.js';

/** The command line cannot be followed: said as `error: <message>` above the command's usage, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;

/**
 * The mistakes parseArgs would reject, found in its own tokens (never in its message): an option it does not know,
 * a value missing or empty, a value given to a flag, an argument where the command takes none.
 */
export function optionProblem(argv: string[], options: Options, positionals: boolean): string | undefined {
  const unknown = unknownOption(argv, options);
  if (unknown) return unknown;
  const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional' && !positionals)
      return `unexpected argument ${token.value}: this command takes only options`;
    if (token.kind !== 'option') continue;
    const option = options[token.name]!;
    if (option.type === 'boolean' && token.inlineValue)
      return `${token.rawName} takes no value (given: ${token.value})`;
    if (option.type !== 'string') continue;
    if (token.value === undefined || token.value === '') return `${token.rawName} needs a value`;
    // `--out --format json`: the value forgotten, the next option taken for it.
    if (!token.inlineValue && token.value.startsWith('-'))
      return `${token.rawName} needs a value (it is followed by ${token.value}; write ${token.rawName}=${token.value} if that is the value)`;
  }
  return undefined;
}

/** `argv` read against `options`; throws a UsageError for any mistake (see optionProblem). */
export function readOptions<T extends Options, P extends boolean>(argv: string[], options: T, positionals: P) {
  const problem = optionProblem(argv, options, positionals);
  if (problem) throw new UsageError(problem);
  try {
    return parseArgs({ args: argv, options, allowPositionals: positionals });
  } catch (error) {
    // Whatever else parseArgs refuses (a case the checks above do not know yet) is still a usage error.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * What `read` makes of the command line. A UsageError from it is said as `error: <message>` above `usage`, and the
 * command ends with exit code 2, before it has done anything.
 */
export function readCommandLine<T>(usage: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`error: ${error.message}\n${usage}`);
    process.exit(2);
  }
}
