// For a command that takes no argument (its settings come from the environment): `--help` or `-h` prints its usage
// and exits 0; anything else given is named, with the usage, exit 2. Called before the command does any work.
export function takeNoArguments(command: string, usage: string, argv = process.argv.slice(2)): void {
  const [argument] = argv;
  if (argument === undefined) return;
  const help = argument === '--help' || argument === '-h';
  if (help) console.log(usage);
  else console.error(`error: ${command} takes no argument (given: ${argument})\n${usage}`);
  process.exit(help ? 0 : 2);
}
