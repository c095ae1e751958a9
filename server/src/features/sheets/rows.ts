import type { z } from 'zod'
import type { SheetRowError } from '../../shared/errors.js'
import { explainIssue } from '../../shared/validation.js'
import type { ReadCell, ReadSheet, SheetColumn } from './files.js'

/** A data row as the kind reads it: the text of each known column by its key. */
export type RowText = Record<string, string>

export const rowError = (
  row: number,
  column: string | null,
  code: string,
  message: string,
  messageEn: string,
): SheetRowError => ({ row, column, code, message, messageEn })

const refusedCell = (row: number, column: string, refused: Extract<ReadCell, { refused: unknown }>['refused']) =>
  refused === 'FORMULA'
    ? rowError(
        row,
        column,
        'FORMULA',
        '单元格含公式，请改为直接填写内容',
        'The cell holds a formula; type the value instead',
      )
    : rowError(row, column, 'INVALID', '单元格是错误值', 'The cell holds an error value')

/**
 * The rows of a sheet by column key. A column the kind needs but the header lacks refuses the header row; a column
 * it does not know is left alone (a newer export read by an older server); a formula cell refuses its row.
 */
export function rowsByColumn(sheet: ReadSheet, columns: SheetColumn[]) {
  const errors: SheetRowError[] = []
  const position = new Map(columns.map((column) => [column.key, sheet.header.indexOf(column.key)]))
  for (const [key, index] of position)
    if (index < 0 && !columns.find((column) => column.key === key)!.optional)
      errors.push(rowError(1, key, 'MISSING_COLUMN', `缺少 ${key} 列`, `The column ${key} is missing`))
  if (errors.length) return { errors, rows: [] }
  const rows: { number: number; text: RowText }[] = []
  for (const { number, cells } of sheet.rows) {
    const text: RowText = {}
    let refused = false
    for (const [key, index] of position) {
      const cell = cells[index] ?? { text: '' }
      if ('text' in cell) text[key] = cell.text.trim()
      else {
        errors.push(refusedCell(number, key, cell.refused))
        refused = true
      }
    }
    if (!refused) rows.push({ number, text })
  }
  return { errors, rows }
}

/** A single-item schema's refusals as row errors, each under the column its field comes from. */
export function schemaErrors(
  row: number,
  error: z.ZodError,
  columnOf: (path: PropertyKey[]) => string,
): SheetRowError[] {
  return error.issues.map((issue) => {
    const column = columnOf(issue.path)
    const explained = explainIssue(column, issue.code, issue.message, issue as unknown as Record<string, unknown>)
    return rowError(row, column, 'INVALID', `${column} ${explained.message}`, `${column} ${explained.messageEn}`)
  })
}

/** Matching by id: a blank id is a new row, the same id twice in one sheet is refused. */
export function duplicateIds(rows: { number: number; text: RowText }[]): SheetRowError[] {
  const seen = new Set<string>()
  const errors: SheetRowError[] = []
  for (const { number, text } of rows) {
    const id = text.id ?? ''
    if (id === '') continue
    if (seen.has(id))
      errors.push(
        rowError(number, 'id', 'DUPLICATE_ID', '该 id 在表格中出现了两次', 'This id appears twice in the sheet'),
      )
    seen.add(id)
  }
  return errors
}

/** A row as written by the export, read back by column key. */
export const textOfRow = (columns: SheetColumn[], cells: string[]): RowText =>
  Object.fromEntries(columns.map((column, index) => [column.key, (cells[index] ?? '').trim()]))

/** Whether two parsed rows mean the same, whatever order their keys came in. */
export function sameFields(a: unknown, b: unknown): boolean {
  const canonical = (value: unknown): unknown =>
    Array.isArray(value)
      ? value.map(canonical)
      : value && typeof value === 'object'
        ? Object.fromEntries(
            Object.entries(value)
              .filter(([, v]) => v !== undefined)
              .sort(([x], [y]) => x.localeCompare(y))
              .map(([k, v]) => [k, canonical(v)]),
          )
        : value
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b))
}
