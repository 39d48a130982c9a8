/**
 * CSV per RFC 4180 §2: fields with commas, quotes or line breaks are quoted, quotes doubled. Cells that a
 * spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe (OWASP CSV injection),
 * because report fields are attacker-controlled.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let text =
    typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV record with its CRLF terminator. */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}
