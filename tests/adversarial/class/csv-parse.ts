// Reads a CSV file back into cells (RFC 4180: quoted cells may hold commas, quotes, CR and LF), to check that the
// gradebook means to a spreadsheet what the grader meant. Throws on a quote out of place, as a strict reader would.

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (quoted) {
      if (char === '"' && text[at + 1] === '"') {
        cell += '"';
        at += 2;
        continue;
      }
      if (char === '"') {
        quoted = false;
        at++;
        if (at < text.length && text[at] !== ',' && text[at] !== '\n') throw new Error(`text after a closing quote at ${at}`);
        continue;
      }
      cell += char;
      at++;
      continue;
    }
    if (char === '"') {
      if (cell !== '') throw new Error(`a quote inside an unquoted cell at ${at}`);
      quoted = true;
    } else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else if (char === '\r') throw new Error(`a CR outside quotes at ${at}: it would break the row`);
    else cell += char;
    at++;
  }
  if (quoted) throw new Error('an unterminated quoted cell');
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
