// `npx tsx scripts/sheet-samples.ts`: writes docs/samples/{kind}.csv and .xlsx for every sheet kind, from the demo
// town's own export (the API on a throwaway demo database, as a district account), ids blanked so each row is new.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { writeXlsx } from '../server/src/features/sheets/files'
import { SHEET_SPECS } from '../server/src/features/sheets/registry'
import { SHEET_KINDS } from '../server/src/features/sheets/schemas'
import { startApiProcess } from '../tests/support/server-process'

const ROWS = 3
const samples = join(__dirname, '../docs/samples')

async function main() {
  const api = await startApiProcess()
  try {
    const signIn = await fetch(`${api.base}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'sheet-samples', role: 'staff' }),
    })
    const { token } = (await signIn.json()) as { token: string }
    const download = async (name: string) =>
      Buffer.from(
        await (
          await fetch(`${api.base}/api/staff/sheets/${name}`, { headers: { authorization: `Bearer ${token}` } })
        ).arrayBuffer(),
      )
    for (const kind of SHEET_KINDS) {
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await download(`${kind}.xlsx`))
      const data = workbook.worksheets[0]!
      const firstRows = Array.from({ length: ROWS }, (_, index) => {
        const values = (data.getRow(index + 2).values as (string | number | undefined)[]).slice(1)
        return SHEET_SPECS[kind].columns.map((_column, at) => (at === 0 ? '' : (values[at] ?? '')))
      })
      const { title, columns } = SHEET_SPECS[kind]
      writeFileSync(join(samples, `${kind}.xlsx`), await writeXlsx(title, columns, firstRows))

      // The CSV as the API writes it (BOM, formula marks), its rows the same few with the id cell blank.
      const csv = new ExcelJS.Workbook()
      const sheet = await csv.csv.read(Readable.from([(await download(`${kind}.csv`)).toString('utf8')]), {
        map: (datum: string) => datum,
      })
      const rows: string[][] = []
      sheet.eachRow((row, number) => {
        if (number > ROWS + 1) return
        const values = (row.values as string[]).slice(1)
        rows.push(number === 1 ? values : ['', ...values.slice(1)])
      })
      const out = new ExcelJS.Workbook()
      out.addWorksheet('data').addRows(rows)
      const file = await out.csv.writeBuffer({
        formatterOptions: { writeBOM: true, rowDelimiter: '\r\n' },
        map: (v: unknown) => v,
      })
      writeFileSync(join(samples, `${kind}.csv`), Buffer.from(file))
      console.log(`docs/samples/${kind}.xlsx, ${kind}.csv: ${ROWS} rows`)
    }
  } finally {
    await api.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
