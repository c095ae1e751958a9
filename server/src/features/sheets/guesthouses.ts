import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { Database } from '../../db/schema.js'
import type { User } from '../auth/schemas.js'
import { changeGuesthouses, insertGuesthouses } from '../guesthouses/commands.js'
import { findGuesthouses } from '../guesthouses/queries.js'
import { guesthouseFieldsSchema, type Guesthouse } from '../guesthouses/schemas.js'
import type { SheetColumn } from './files.js'
import type { SheetKindSpec } from './kinds.js'
import { planRows, type RowChange, type RowReading } from './plan.js'
import type { RowText } from './rows.js'

type GuesthouseFields = z.output<typeof guesthouseFieldsSchema>

const guesthouseColumns: SheetColumn[] = [
  { key: 'id', zh: '编号；新增的客栈留空', en: 'Id; leave blank for a new guesthouse' },
  { key: 'communityId', zh: '所属社区编号，如 cm_jiadi', en: 'The community it belongs to, e.g. cm_jiadi' },
  { key: 'name', zh: '名称（最多 40 字）', en: 'Name (at most 40 characters)' },
  { key: 'address', zh: '地址（最多 80 字）', en: 'Address (at most 80 characters)' },
  { key: 'lat', zh: '纬度（GCJ-02）', en: 'Latitude (GCJ-02)', numeric: true },
  { key: 'lng', zh: '经度（GCJ-02）', en: 'Longitude (GCJ-02)', numeric: true },
  {
    key: 'roomsNote',
    zh: '场地说明，如“可容纳 30 人的会议室”（最多 80 字），可留空',
    en: 'What room it offers, e.g. "a meeting room for 30" (at most 80 characters); may be blank',
  },
]

const guesthouseRow = (guesthouse: Guesthouse): (string | number)[] => [
  guesthouse.id,
  guesthouse.communityId ?? '',
  guesthouse.name,
  guesthouse.address,
  guesthouse.lat,
  guesthouse.lng,
  guesthouse.roomsNote ?? '',
]

const number = (cell: string) => (cell === '' ? undefined : Number(cell))

const reading: RowReading<Guesthouse, GuesthouseFields> = {
  columns: guesthouseColumns,
  noSuchId: { zh: '客栈', en: 'guesthouse' },
  schema: guesthouseFieldsSchema,
  input: (text: RowText) => ({
    communityId: text.communityId || undefined,
    name: text.name,
    address: text.address,
    lat: number(text.lat!),
    lng: number(text.lng!),
    roomsNote: text.roomsNote || null,
  }),
  columnOf: (path) => String(path[0] ?? 'id'),
  exportRow: guesthouseRow,
}

async function writeGuesthouses(
  trx: Transaction<Database>,
  actor: User,
  changes: RowChange<GuesthouseFields>[],
  at: string,
) {
  await insertGuesthouses(
    trx,
    actor,
    changes.flatMap(({ id, fields }) => (id === null ? [fields] : [])),
    at,
  )
  // The sheet has no photo column: a changed guesthouse keeps its photos.
  const changed = changes.flatMap(({ id, fields: { photos: _kept, ...patch } }) => (id === null ? [] : [{ id, patch }]))
  await changeGuesthouses(trx, actor, changed, at)
}

export const guesthouseSheet: SheetKindSpec = {
  title: '客栈 guesthouses',
  columns: guesthouseColumns,
  exportRows: async (db, communities) =>
    (await findGuesthouses(db, undefined))
      .filter((g) => communities === null || (g.communityId !== null && communities.includes(g.communityId)))
      .map(guesthouseRow),
  plan: async (db, scope, rows) => {
    const existing = new Map((await findGuesthouses(db, undefined)).map((g) => [g.id, g]))
    const { changes, ...plan } = planRows(reading, existing, scope, rows)
    return { ...plan, write: (trx, actor, at) => writeGuesthouses(trx, actor, changes, at) }
  },
}
