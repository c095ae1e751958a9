// Importing 5,000 station rows from a CSV: the preview and the apply, timed at the client, on one database.
import { startApiProcess } from '../../tests/support/server-process'

const ROWS = 5000
const HEADER = 'id,communityId,name,nameEn,kind,address,lat,lng,phone,hours,closedDates,services,pledges'

const stationsCsv = () =>
  '\uFEFF' +
  [
    HEADER,
    ...Array.from(
      { length: ROWS },
      (_, i) =>
        `,cm_jiadi,站点${i},Station ${i},contact_point,甲第巷 ${i} 号,23.66${i % 100},116.64${i % 100},,` +
        `";08:30-12:00,14:00-17:30;08:30-12:00;08:30-12:00;08:30-12:00;08:30-12:00;",,"hot_water,charging:off",`,
    ),
  ].join('\r\n')

export async function benchSheetImport(databaseUrl?: string) {
  const api = await startApiProcess(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
  try {
    const signIn = await fetch(`${api.base}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'bench-sheets', role: 'staff' }),
    })
    const { token } = (await signIn.json()) as { token: string }
    const file = Buffer.from(stationsCsv())
    const send = async (body: Buffer, mode: 'preview' | 'apply', expected: 'created' | 'updated') => {
      const started = performance.now()
      const reply = await fetch(`${api.base}/api/staff/sheets/stations?mode=${mode}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body,
      })
      const result = (await reply.json()) as Record<string, number>
      return { seconds: (performance.now() - started) / 1000, ok: reply.status === 200 && result[expected] === ROWS }
    }
    const preview = await send(file, 'preview', 'created')
    const apply = await send(file, 'apply', 'created')
    // The bench's rows exported and sent back with every name changed (the demo's stations left out): 5,000 updates.
    const exported = await fetch(`${api.base}/api/staff/sheets/stations.csv`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const [header, ...lines] = (await exported.text()).split('\r\n')
    const ours = lines.filter((line) => line.includes(',站点'))
    const renamed = Buffer.from([header, ...ours.map((line) => line.replace(',站点', ',驿点'))].join('\r\n'))
    const update = await send(renamed, 'apply', 'updated')
    return { rows: ROWS, bytes: file.length, preview, apply, update }
  } finally {
    await api.stop()
  }
}
