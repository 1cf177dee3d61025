// Finds the line a key sits on in a TOML file's text, so that an error about its value can name the line: the
// parser gives values without their positions.

/**
 * The 1-based line of `key = …` in the table `[table]` ("" for the keys before the first table), or undefined
 * when it is not written there (a default applies).
 */
export function lineOfKey(text: string, table: string, key: string): number | undefined {
  let current = '';
  const lines = text.split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    const header = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?/.exec(line);
    if (header) {
      current = header[1]!;
      continue;
    }
    const assigned = /^\s*("?)([\w-]+)\1\s*=/.exec(line);
    if (current === table && assigned?.[2] === key) return index + 1;
  }
  return undefined;
}
