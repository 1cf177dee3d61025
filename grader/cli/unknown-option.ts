// An option a command does not know, said with the one it most likely meant. Node.js's parseArgs answers
// "Unknown option '--taget'. To specify a positional argument starting with a '-', place it at the end of the
// command after '--' …", which tells a student nothing they can act on.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { closestName } from '../course/closest-name.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** "unknown option --taget (did you mean --target?)" for the first option of `argv` not in `options`, if any. */
export function unknownOption(argv: string[], options: Options): string | undefined {
  // Read from parseArgs's own tokens (not its message), without rejecting anything yet.
  const { tokens } = parseArgs({ args: argv, options, allowPositionals: true, strict: false, tokens: true });
  for (const token of tokens) {
    if (token.kind !== 'option' || Object.hasOwn(options, token.name)) continue;
    const near = closestName(token.name, Object.keys(options));
    return `unknown option ${token.rawName}${near ? ` (did you mean --${near}?)` : ''}`;
  }
  return undefined;
}
