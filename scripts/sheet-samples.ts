// `npx tsx scripts/sheet-samples.ts`: writes docs/samples/{kind}.csv and .xlsx for every sheet kind, from the demo
// town's own export (the API on a throwaway demo database, as a district account), ids blanked so each row is new:
// the first stations and guesthouses, the last (upcoming) sessions, and for the members roster a few made-up people
// (the demo's registrations are already verified, and a roster from 组织部 comes without a status).
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { writeCsv, writeXlsx } from '../server/src/features/sheets/files'
import { SHEET_SPECS } from '../server/src/features/sheets/registry'
import type { SheetKind } from '../server/src/features/sheets/schemas'
import { SHEET_KINDS } from '../server/src/shared/values/orders'
import { startApiProcess } from '../tests/support/server-process'

const ROWS = 3
const samples = join(__dirname, '../docs/samples')

const ROSTER: (string | number)[][] = [
  ['李红梅', '13900001001', '潮州市湘桥区教育局', '区教育局第一党支部', 'cm_jiadi', ''],
  ['黄志远', '13900001002', '潮州市供电局', '供电局营销党支部', 'cm_xihu', ''],
  ['郑晓丹', '13900001003', '潮州市人民医院', '医院门诊党支部', 'cm_paifang', ''],
]

/** Which exported rows make the sample: sessions from the end, so they lie ahead of the day the samples are made. */
const pick = (kind: SheetKind, rows: (string | number)[][]) =>
  kind === 'members' ? ROSTER : kind === 'sessions' ? rows.slice(-ROWS) : rows.slice(0, ROWS)

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
      const { title, columns } = SHEET_SPECS[kind]
      // The .xlsx export's cells are what they mean (text as text, no CSV marks): both samples are written from them.
      const workbook = new ExcelJS.Workbook()
      await workbook.xlsx.load(await download(`${kind}.xlsx`))
      const exported: (string | number)[][] = []
      workbook.worksheets[0]!.eachRow((row, number) => {
        if (number === 1) return
        const values = (row.values as (string | number | undefined)[]).slice(1)
        exported.push(columns.map((column, at) => (column.key === 'id' ? '' : (values[at] ?? ''))))
      })
      const rows = pick(kind, exported)
      writeFileSync(join(samples, `${kind}.xlsx`), await writeXlsx(title, columns, rows))
      writeFileSync(join(samples, `${kind}.csv`), await writeCsv(columns, rows))
      console.log(`docs/samples/${kind}.xlsx, ${kind}.csv: ${rows.length} rows`)
    }
  } finally {
    await api.stop()
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
