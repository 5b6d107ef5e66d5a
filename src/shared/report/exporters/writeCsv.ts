/**
 * The one CSV writer (RFC 4180: CRLF line ends, a header row, fields quoted
 * when needed, text cells guarded against formula injection) under the run,
 * study and comparison CSVs.
 */
import Papa from 'papaparse'

export type Cell = string | number | boolean | null

export { figure } from '../figure'

/** A cell a spreadsheet reads as a plain number (-5, +1.5e3): never a formula, never guarded. */
const PLAIN_NUMBER = String.raw`[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?`

/**
 * Text cells a spreadsheet would run as a formula (OWASP's list: = + - @ tab
 * CR). Plain numbers written as text, like a negative exact sum, are left
 * alone so they still read back as numbers.
 */
export const FORMULA_TRIGGER = new RegExp(String.raw`^(?!${PLAIN_NUMBER}$)[=+\-@\t\r]`)

/** The guard applied to one text cell: a leading ' makes the spreadsheet show it as text. */
export function guardFormula(text: string): string {
  return FORMULA_TRIGGER.test(text) ? `'${text}` : text
}

/** A header and rows of cells as CSV, every text cell guarded. */
export function writeCsv(fields: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const guarded = rows.map((row) =>
    row.map((cell) => (typeof cell === 'string' ? guardFormula(cell) : cell))
  )
  return Papa.unparse(
    { fields: [...fields], data: guarded },
    { newline: '\r\n', header: true, quotes: false, escapeFormulae: false }
  )
}
