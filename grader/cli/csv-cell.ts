// One CSV cell, safe to open in a spreadsheet: RFC 4180 quoting (so a comma, quote, CR or LF inside a cell never
// breaks a row) and OWASP's CSV-injection advice (a text cell that could start a formula is prefixed with ').

// OWASP's list: a cell starting with any of these may be run as a formula by Excel, LibreOffice or Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The cell for `value`: numbers as they are (the grader's own), text neutralised and quoted when needed. */
export function csvCell(value: string | number): string {
  if (typeof value === 'number') return String(value);
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line (no line break at the end). */
export const csvRow = (cells: Array<string | number>): string => cells.map(csvCell).join(',');
