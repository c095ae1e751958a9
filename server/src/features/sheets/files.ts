import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { asSpreadsheetText } from '../../shared/csv.js'
import { ApiError, errors } from '../../shared/errors.js'
import { assertBoundedZip } from './zip-guard.js'

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const CSV_TYPE = 'text/csv'
export const SHEET_TYPES = [XLSX_TYPE, CSV_TYPE] as const
export const MAX_SHEET_BYTES = 5 * 1024 * 1024
export const MAX_SHEET_ROWS = 5000

/** A column of a sheet: its key (the API's field name) and what it holds, in Chinese and English. */
export interface SheetColumn {
  key: string
  zh: string
  en: string
  /** Written as a number in .xlsx (coordinates); every other column is text. */
  numeric?: boolean
  /** A file without this column is still read (as if every cell were blank), e.g. the status the export adds. */
  optional?: boolean
}

/** A cell as read: its text, or that it held a formula (never evaluated) or an error value. */
export type ReadCell = { text: string } | { refused: 'FORMULA' | 'ERROR_VALUE' }

export interface ReadSheet {
  header: string[]
  /** Data rows with their row number in the file (the header is row 1). */
  rows: { number: number; cells: ReadCell[] }[]
}

const tooManyRows = () =>
  new ApiError(
    413,
    'PAYLOAD_TOO_LARGE',
    `表格最多 ${MAX_SHEET_ROWS} 行，请分批导入`,
    `A sheet holds at most ${MAX_SHEET_ROWS} rows; import it in parts`,
  )

/** Excel's text mark: a leading `'` written in front of what would start a formula is taken off again. */
const unmarked = (text: string) =>
  text.startsWith("'") && asSpreadsheetText(text.slice(1)) === text ? text.slice(1) : text

function readXlsxCell(cell: ExcelJS.Cell): ReadCell {
  const value = cell.value
  // A shared formula's later cells carry an empty formula text: still a formula.
  if (cell.type === ExcelJS.ValueType.Formula || (value !== null && typeof value === 'object' && 'formula' in value))
    return { refused: 'FORMULA' }
  if (cell.type === ExcelJS.ValueType.Error) return { refused: 'ERROR_VALUE' }
  if (value !== null && typeof value === 'object' && 'sharedFormula' in value) return { refused: 'FORMULA' }
  if (value === null || value === undefined) return { text: '' }
  // Excel keeps a typed date and time as the wall clock written (read here as UTC): `2026-12-05` or `2026-12-05 19:30`.
  if (value instanceof Date)
    return {
      text: value
        .toISOString()
        .slice(0, 16)
        .replace('T', ' ')
        .replace(/ 00:00$/, ''),
    }
  if (typeof value === 'object') return { text: cell.text }
  return { text: String(value) }
}

/**
 * The first worksheet of an .xlsx, read as a stream (exceljs' WorkbookReader): rows are counted as they come and past
 * the limit no more are kept, so a sheet of 100,000 rows is never held whole. The rest of the workbook is still read
 * through to its end, since exceljs only removes the temporary file it keeps a worksheet in once it is done with it.
 */
async function readXlsx(file: Buffer): Promise<ExcelJS.Row[]> {
  assertBoundedZip(file)
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([file]), {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  })
  const rows: ExcelJS.Row[] = []
  let seen = 0
  let sheets = 0
  try {
    for await (const worksheet of reader) {
      sheets += 1
      for await (const row of worksheet) {
        if (sheets > 1 || !row.hasValues) continue
        seen += 1
        if (seen <= MAX_SHEET_ROWS + 1) rows.push(row)
      }
    }
  } catch {
    throw errors.notASpreadsheet()
  }
  if (sheets === 0) throw errors.notASpreadsheet()
  if (seen > MAX_SHEET_ROWS + 1) throw tooManyRows()
  return rows
}

const CSV_CHUNK_BYTES = 64 * 1024

/** The file as UTF-8 text, a piece at a time; the stream fails (415) at the first byte that is not UTF-8, or a NUL. */
function* csvText(file: Buffer): Generator<string> {
  const decoder = new TextDecoder('utf-8', { fatal: true })
  for (let at = 0; at <= file.length; at += CSV_CHUNK_BYTES) {
    const end = at + CSV_CHUNK_BYTES >= file.length
    const text = decoder.decode(file.subarray(at, at + CSV_CHUNK_BYTES), { stream: !end })
    if (text.includes('\u0000')) throw errors.notASpreadsheet()
    yield text
    if (end) return
  }
}

/**
 * The rows of a CSV file, parsed as they stream in (fast-csv through exceljs): parsing stops at the row after the
 * limit, so the answer to a file of too many rows is 413 without its rest ever being split into cells. 415 when the
 * file is not UTF-8 text.
 */
async function readCsv(file: Buffer): Promise<ExcelJS.Row[]> {
  const workbook = new ExcelJS.Workbook()
  let sheet: ExcelJS.Worksheet
  const text = Readable.from(csvText(file))
  // A pipe does not pass its source's failure on: the parser would wait for the rest forever.
  const notText = new Promise<never>((_resolve, reject) => text.once('error', reject))
  try {
    const read = workbook.csv.read(text, {
      // Cells stay text as typed: no number or date guessing, so an id or a phone number comes back as it went out.
      map: (datum: string) => datum,
      // The header, the limit, and one more: enough to know the file is over it. Blank lines are not rows (nor
      // numbered): counted, a few of them would have cut the last rows off unnoticed.
      parserOptions: { maxRows: MAX_SHEET_ROWS + 2, ignoreEmpty: true },
    })
    sheet = await Promise.race([read, notText])
  } catch {
    throw errors.notASpreadsheet()
  }
  if (sheet.actualRowCount > MAX_SHEET_ROWS + 1) throw tooManyRows()
  const rows: ExcelJS.Row[] = []
  sheet.eachRow((row) => rows.push(row))
  return rows
}

/** The first worksheet of an .xlsx or CSV file as text cells; 415 when it is neither, 413 past the row limit. */
export async function readSheet(file: Buffer, type: (typeof SHEET_TYPES)[number]): Promise<ReadSheet> {
  const csv = type === CSV_TYPE
  const read = csv ? await readCsv(file) : await readXlsx(file)
  const width = Math.max(0, ...read.map((row) => row.cellCount))
  const cellsOf = (row: ExcelJS.Row): ReadCell[] =>
    Array.from({ length: width }, (_, index) => {
      const cell = readXlsxCell(row.getCell(index + 1))
      if (!('text' in cell)) return cell
      if (csv && cell.text.trimStart().startsWith('=')) return { refused: 'FORMULA' }
      return { text: unmarked(cell.text) }
    })
  const [first, ...rest] = read
  if (!first || first.number !== 1) return { header: [], rows: [] }
  const header = cellsOf(first).map((cell) => ('text' in cell ? cell.text.trim() : ''))
  const rows: ReadSheet['rows'] = []
  for (const row of rest) {
    const cells = cellsOf(row)
    if (cells.every((cell) => 'text' in cell && cell.text.trim() === '')) continue
    rows.push({ number: row.number, cells })
  }
  return { header, rows }
}

type Cell = string | number

/** An .xlsx of one data sheet (text cells stored as text, never as formulas) and a sheet explaining each column. */
export async function writeXlsx(title: string, columns: SheetColumn[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const data = workbook.addWorksheet(title)
  data.columns = columns.map((column) => ({
    header: column.key,
    key: column.key,
    width: Math.max(12, column.key.length + 2),
    style: column.numeric ? {} : { numFmt: '@' },
  }))
  data.addRows(rows)
  data.views = [{ state: 'frozen', ySplit: 1 }]
  const guide = workbook.addWorksheet('说明 About')
  guide.columns = [
    { header: '列 column', key: 'key', width: 16 },
    { header: '说明', key: 'zh', width: 60 },
    { header: 'Meaning', key: 'en', width: 80 },
  ]
  guide.addRows(columns.map(({ key, zh, en }) => ({ key, zh, en })))
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

/** CSV in UTF-8 with a BOM (so Excel reads the Chinese); a cell that could start a formula carries the text mark. */
export async function writeCsv(columns: SheetColumn[], rows: Cell[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  const sheet = workbook.addWorksheet('data')
  sheet.addRow(columns.map((column) => column.key))
  sheet.addRows(rows.map((row) => row.map((cell) => (typeof cell === 'number' ? cell : asSpreadsheetText(cell)))))
  return Buffer.from(
    await workbook.csv.writeBuffer({
      formatterOptions: { writeBOM: true, rowDelimiter: '\r\n' },
      map: (v: unknown) => v,
    }),
  )
}
