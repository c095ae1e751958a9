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
    const send = async (mode: 'preview' | 'apply') => {
      const started = performance.now()
      const reply = await fetch(`${api.base}/api/staff/sheets/stations?mode=${mode}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body: file,
      })
      const result = (await reply.json()) as { created?: number }
      return { seconds: (performance.now() - started) / 1000, ok: reply.status === 200 && result.created === ROWS }
    }
    const preview = await send('preview')
    const apply = await send('apply')
    return { rows: ROWS, bytes: file.length, preview, apply }
  } finally {
    await api.stop()
  }
}
