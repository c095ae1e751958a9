// Importing 5,000 rows of one sheet kind from a CSV: the preview, the apply and a re-apply that changes every row,
// timed at the client, on one database.
import { SHANGHAI_OFFSET_MS } from '../../server/src/shared/values/shanghai-clock'
import { startApiProcess } from '../../tests/support/server-process'

const ROWS = 5000
const DAY_MS = 86_400_000

/** A moment as the sheets write it: the Shanghai wall clock, `2026-12-05 19:30`. */
const shanghaiMinute = (at: number) => new Date(at + SHANGHAI_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ')

/** The rows a kind's bench imports, and how the re-apply changes each of them in the kind's own export. */
interface BenchedKind {
  header: string
  row: (index: number) => string
  /** Picks the bench's rows out of the export (the demo's are left out) and changes one field in each. */
  ours: (line: string) => boolean
  change: (line: string) => string
}

export const BENCHED_KINDS = {
  stations: {
    header: 'id,communityId,name,nameEn,kind,address,lat,lng,phone,hours,closedDates,services,pledges',
    row: (i) =>
      `,cm_jiadi,站点${i},Station ${i},contact_point,甲第巷 ${i} 号,23.66${i % 100},116.64${i % 100},,` +
      `";08:30-12:00,14:00-17:30;08:30-12:00;08:30-12:00;08:30-12:00;08:30-12:00;",,"hot_water,charging:off",`,
    ours: (line) => line.includes(',站点'),
    change: (line) => line.replace(',站点', ',驿点'),
  },
  // Spread over the year ahead, a few evenings' sessions a day across the demo guesthouses and topics.
  sessions: {
    header: 'id,guesthouseId,topicId,startsAt,endsAt,capacity,speaker,status',
    row: (i) => {
      const guesthouse = ['gh_jiadi', 'gh_yixing', 'gh_xumafu', 'gh_ximalu'][i % 4]
      const topic = ['tp_history', 'tp_antifraud', 'tp_tea', 'tp_health'][i % 4]
      const startsAt = Date.now() + (2 + (i % 340)) * DAY_MS + Math.floor(i / 340) * 3600_000
      return `,${guesthouse},${topic},${shanghaiMinute(startsAt)},${shanghaiMinute(startsAt + 5400_000)},20,讲师${i},`
    },
    ours: (line) => line.includes(',讲师'),
    change: (line) => line.replace(',讲师', ',主讲'),
  },
  // The 双报到 roster of one community: every row a phone nobody registered with yet.
  members: {
    header: 'realName,phone,workUnit,branch,communityId,status',
    row: (i) => `党员${i},139${String(i).padStart(8, '0')},潮州市某局,第一党支部,cm_jiadi,`,
    ours: (line) => line.startsWith('党员'),
    change: (line) => line.replace(',第一党支部,', ',第二党支部,'),
  },
} satisfies Record<string, BenchedKind>

export type BenchedKindName = keyof typeof BENCHED_KINDS

export async function benchSheetImport(kind: BenchedKindName, databaseUrl?: string) {
  const { header, row, ours, change }: BenchedKind = BENCHED_KINDS[kind]
  const api = await startApiProcess(databaseUrl ? { DATABASE_URL: databaseUrl } : {})
  try {
    const signIn = await fetch(`${api.base}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid: 'bench-sheets', role: 'staff' }),
    })
    const { token } = (await signIn.json()) as { token: string }
    const file = Buffer.from('\uFEFF' + [header, ...Array.from({ length: ROWS }, (_, i) => row(i))].join('\r\n'))
    const send = async (body: Buffer, mode: 'preview' | 'apply', expected: 'created' | 'updated') => {
      const started = performance.now()
      const reply = await fetch(`${api.base}/api/staff/sheets/${kind}?mode=${mode}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
        body,
      })
      const result = (await reply.json()) as Record<string, number>
      return { seconds: (performance.now() - started) / 1000, ok: reply.status === 200 && result[expected] === ROWS }
    }
    const preview = await send(file, 'preview', 'created')
    const apply = await send(file, 'apply', 'created')
    // The bench's rows exported and sent back with one field changed in each: 5,000 updates.
    const exported = await fetch(`${api.base}/api/staff/sheets/${kind}.csv`, {
      headers: { authorization: `Bearer ${token}` },
    })
    const [exportedHeader, ...lines] = (await exported.text()).replace('\uFEFF', '').split('\r\n')
    const changed = Buffer.from([exportedHeader, ...lines.filter(ours).map(change)].join('\r\n'))
    const update = await send(changed, 'apply', 'updated')
    return { rows: ROWS, bytes: file.length, preview, apply, update }
  } finally {
    await api.stop()
  }
}
