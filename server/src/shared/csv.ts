import { normalizeForChecking } from './text.js'

/**
 * What a spreadsheet reads as the start of a formula (CSV injection): `=`, `+`, `-`, `@`, also behind spaces, or a
 * tab or CR. Judged on the cell as normalized for checking, so a fullwidth `＝＋－＠` or one behind a zero-width space
 * counts too. Such a cell is written as text.
 */
const FORMULA_START = /^(?:[\t\r]|\s*[=+\-@])/

/** A cell's text as a spreadsheet must show it: one that would start a formula gets Excel's text mark `'` in front. */
export const asSpreadsheetText = (raw: string) => (FORMULA_START.test(normalizeForChecking(raw)) ? `'${raw}` : raw)

/** CSV with a BOM so Excel opens the Chinese names correctly; no cell can start a live formula. */
export function toCsv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    const text = asSpreadsheetText(v === null ? '' : String(v))
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
  }
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}
