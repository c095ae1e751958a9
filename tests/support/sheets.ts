import ExcelJS from 'exceljs'
import type { TestApi } from './api'

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
export const CSV = 'text/csv'

/** One kind's sheet routes, as the holders of `tokens` (by name; `district` unless told) would call them. */
export function sheetsOf(api: () => TestApi, kind: string, tokens: () => Record<string, string>) {
  const auth = (as: string) => ({ authorization: `Bearer ${tokens()[as]}` })
  const download = (format: 'xlsx' | 'csv', as = 'district') =>
    api().app.inject({ method: 'GET', url: `/api/staff/sheets/${kind}.${format}`, headers: auth(as) })
  const upload = (file: Buffer | string, type: string, mode: 'preview' | 'apply', as = 'district') =>
    api().app.inject({
      method: 'POST',
      url: `/api/staff/sheets/${kind}?mode=${mode}`,
      payload: file,
      headers: { ...auth(as), 'content-type': type },
    })
  return {
    download,
    upload,
    /** Downloads the sheet as XLSX, then as CSV, and applies each file as it came: each answer 200 and like `expected`. */
    async reapplyExports(expected: object, as = 'district') {
      for (const [format, type] of [
        ['xlsx', XLSX],
        ['csv', CSV],
      ] as const) {
        const applied = await upload((await download(format, as)).rawPayload, type, 'apply', as)
        expect(applied.statusCode).toBe(200)
        expect(applied.json()).toMatchObject(expected)
      }
    },
    /** The CSV export's lines, BOM taken off: the header first. */
    async csvLines(as = 'district') {
      const { body } = await download('csv', as)
      return body.replace('\uFEFF', '').trim().split('\r\n')
    },
  }
}

export async function workbookOf(file: Buffer) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(file)
  return workbook
}

export const xlsxOf = async (workbook: ExcelJS.Workbook) => Buffer.from(await workbook.xlsx.writeBuffer())
