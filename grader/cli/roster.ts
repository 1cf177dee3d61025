// A class roster (--roster FILE): a CSV with a header row, one student a row. GitHub Classroom's roster export works as
// it is ("identifier","github_username","github_id","name"); so does any CSV with an `identifier` (or `student`,
// `id`, `email`) column, and one a spreadsheet saved with semicolons or tabs between cells (Excel does, in languages
// that write decimal commas). A submission named after a student's identifier or GitHub username is that student's.
// The parser is our own (RFC 4180: quoted cells may hold separators, quotes and line breaks), so that an error can
// name the file and the line it is on. A file in another encoding than UTF-8 is read as what spreadsheets save: UTF-16
// with its byte order mark (Excel's "Unicode Text"), else Windows-1252 (Excel's plain CSV in Western languages), so that
// "José" is not "Jos�" in the gradebook. Pure but for reading the file.
import { readFileSync } from 'node:fs';
import { whyUnusable } from '../files/why-unusable.js';

export class RosterError extends Error {
  override name = 'RosterError';
}

export interface RosterEntry {
  /** What the gradebook calls the student: the identifier, or the GitHub username when it has none. */
  identifier: string;
  name: string;
  /** The names a submission of theirs may carry: the identifier and the GitHub username. */
  aliases: string[];
  /** The line of the roster it came from. */
  line: number;
}

/** The header's separator: the comma, unless the header has none outside quotes but has semicolons or tabs. */
function separatorOf(body: string): string {
  const header = body.split(/\r?\n/, 1)[0]!.replace(/"[^"]*"/g, '');
  if (header.includes(',')) return ',';
  return [';', '\t'].find((separator) => header.includes(separator)) ?? ',';
}

/** The cells of each record, with the line each starts on. Throws on a quote out of place, naming the line. */
export function parseCsvLines(text: string, file: string): Array<{ line: number; cells: string[] }> {
  const records: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let wasQuoted = false;
  let line = 1;
  let start = 1;
  const body = text.replace(/^\uFEFF/, '');
  const separator = separatorOf(body);
  const endCell = () => {
    cells.push(wasQuoted ? cell : cell.trim());
    cell = '';
    wasQuoted = false;
  };
  for (let at = 0; at < body.length; at++) {
    const char = body[at]!;
    if (quoted) {
      if (char === '"' && body[at + 1] === '"') {
        cell += '"';
        at++;
      } else if (char === '"') {
        quoted = false;
        const next = body[at + 1];
        if (next !== undefined && next !== separator && next !== '\n' && next !== '\r')
          throw new RosterError(`${file}:${line}: text after a closing quote`);
      } else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"') {
      if (cell.trim() !== '') throw new RosterError(`${file}:${line}: a quote inside an unquoted cell`);
      quoted = true;
      wasQuoted = true;
      cell = '';
    } else if (char === separator) endCell();
    else if (char === '\n' || char === '\r') {
      if (char === '\r' && body[at + 1] === '\n') at++;
      endCell();
      if (cells.some((c) => c !== '')) records.push({ line: start, cells });
      cells = [];
      line++;
      start = line;
    } else cell += char;
  }
  if (quoted) throw new RosterError(`${file}:${start}: a quoted cell that never ends`);
  endCell();
  if (cells.some((c) => c !== '')) records.push({ line: start, cells });
  return records;
}

const IDENTIFIER = ['identifier', 'student', 'student id', 'id', 'email'];
const USERNAME = ['github_username', 'github username', 'github', 'username', 'login'];
const NAME = ['name', 'full name', 'student name'];
/** Names are compared as submission ids are: Unicode-normalised, in any case. */
export const rosterKey = (name: string) => name.normalize('NFC').toLowerCase();

/** The roster in `text` (read from `file`, named in errors). */
export function parseRoster(text: string, file: string): RosterEntry[] {
  const [header, ...records] = parseCsvLines(text, file);
  if (!header) throw new RosterError(`${file}: the roster is empty (it needs a header row, e.g. identifier,name)`);
  const columns = header.cells.map((c) => c.toLowerCase());
  const find = (names: string[]) => names.map((n) => columns.indexOf(n)).find((i) => i >= 0);
  const id = find(IDENTIFIER);
  const username = find(USERNAME);
  const name = find(NAME);
  if (id === undefined && username === undefined)
    throw new RosterError(
      `${file}:${header.line}: no identifier column (expected one of ${[...IDENTIFIER, ...USERNAME].join(', ')}; found ${header.cells.join(', ')})`,
    );
  const entries: RosterEntry[] = [];
  const taken = new Map<string, number>();
  for (const { line, cells } of records) {
    if (cells.length > columns.length)
      throw new RosterError(`${file}:${line}: ${cells.length} cells, but the header has ${columns.length}`);
    const own = id === undefined ? '' : (cells[id] ?? '');
    const github = username === undefined ? '' : (cells[username] ?? '');
    const identifier = own || github;
    if (!identifier) throw new RosterError(`${file}:${line}: a student with neither identifier nor GitHub username`);
    const aliases = [...new Set([own, github].filter((a) => a !== ''))];
    for (const alias of aliases) {
      const before = taken.get(rosterKey(alias));
      if (before !== undefined)
        throw new RosterError(`${file}:${line}: ${alias} is already the student of line ${before}`);
      taken.set(rosterKey(alias), line);
    }
    entries.push({ identifier, name: name === undefined ? '' : (cells[name] ?? ''), aliases, line });
  }
  return entries;
}

// Windows-1252's letters at 0x80–0x9F (Latin-1 has control codes there); undefined ones stay as they are. Node.js's
// TextDecoder('windows-1252') decodes as Latin-1, so "O’Brien" would lose its apostrophe.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';

/** The roster file's bytes as text, in the encoding a spreadsheet saved it in (see above). */
export function rosterText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Buffer.from(bytes)
      .toString('latin1')
      .replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
  }
}

export function readRoster(file: string): RosterEntry[] {
  let text: string;
  try {
    text = rosterText(readFileSync(file));
  } catch (error) {
    const why =
      whyUnusable(error, {
        EISDIR: 'it is a folder',
        ENOTDIR: 'it is inside a file',
        EACCES: 'you may not read it',
        EPERM: 'you may not read it',
      }) ?? (error instanceof Error ? error.message : String(error));
    throw new RosterError(`--roster ${file}: ${why}. Name the roster's CSV file (e.g. GitHub Classroom's export).`);
  }
  return parseRoster(text, file);
}
