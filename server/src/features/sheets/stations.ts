import type { Transaction } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import type { Database } from '../../db/schema.js'
import type { User } from '../auth/schemas.js'
import { changeStations, insertStations } from '../stations/commands.js'
import { findAllStations, type StationRecord } from '../stations/queries.js'
import { stationCreateSchema } from '../stations/schemas.js'
import type { SheetColumn } from './files.js'
import { planRows, type RowChange, type RowReading } from './plan.js'
import type { SheetKindSpec, SheetPlan } from './kinds.js'
import type { RowText } from './rows.js'
import type { Scope } from './scope.js'

type StationFields = z.output<typeof stationCreateSchema>

const stationColumns: SheetColumn[] = [
  { key: 'id', zh: '编号；新增的站点留空', en: 'Id; leave blank for a new station' },
  { key: 'communityId', zh: '所属社区编号，如 cm_jiadi', en: 'The community it belongs to, e.g. cm_jiadi' },
  { key: 'name', zh: '名称（最多 40 字）', en: 'Name (at most 40 characters)' },
  { key: 'nameEn', zh: '英文名称；留空则与名称相同', en: 'English name; blank: the same as name' },
  {
    key: 'kind',
    zh: '类型：service_station 党群服务站、party_member_shop 共产党员店、contact_point 党员联系点、micro_post 微阵地',
    en: 'Kind: service_station, party_member_shop, contact_point or micro_post',
  },
  { key: 'address', zh: '地址（最多 100 字）', en: 'Address (at most 100 characters)' },
  { key: 'lat', zh: '纬度（GCJ-02）', en: 'Latitude (GCJ-02)', numeric: true },
  { key: 'lng', zh: '经度（GCJ-02）', en: 'Longitude (GCJ-02)', numeric: true },
  { key: 'phone', zh: '电话，可留空', en: 'Phone, may be blank' },
  {
    key: 'hours',
    zh: '开放时间：从周日起 7 天，用 ; 分隔；一天内多个时段用 , 分隔，如 08:00-12:00,14:00-18:00；留空为休息',
    en: 'Opening hours: 7 days from Sunday separated by ";"; ranges of a day by ",", e.g. 08:00-12:00,14:00-18:00; blank: closed',
  },
  { key: 'closedDates', zh: '闭馆日期，如 2026-10-01,2026-10-02', en: 'Dates closed, e.g. 2026-10-01,2026-10-02' },
  {
    key: 'services',
    zh: '服务，用 , 分隔：hot_water charging travel_info restroom first_aid umbrella wifi；暂停的写 :off，如 charging:off',
    en: 'Services separated by ",": hot_water charging travel_info restroom first_aid umbrella wifi; paused ones as charging:off',
  },
  { key: 'pledges', zh: '服务承诺，每行一条', en: 'Service pledges, one a line' },
]

const list = (text: string, separator: string) =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean)

/** The documented text forms of a station's lists and hours: what the export writes and the import reads. */
function stationRow(station: StationRecord): (string | number)[] {
  const cells: Record<string, string | number> = {
    id: station.id,
    communityId: station.communityId ?? '',
    name: station.name,
    nameEn: station.nameEn,
    kind: station.kind,
    address: station.address,
    lat: station.lat,
    lng: station.lng,
    phone: station.phone ?? '',
    hours: station.hours.weekly.map((day) => day.map(([open, close]) => `${open}-${close}`).join(',')).join(';'),
    closedDates: (station.hours.closedDates ?? []).join(','),
    services: station.services.map((s) => (s.available ? s.key : `${s.key}:off`)).join(','),
    pledges: station.pledges.join('\n'),
  }
  return stationColumns.map((column) => cells[column.key] ?? '')
}

function stationInput(text: RowText, current: StationRecord | undefined) {
  const number = (cell: string) => (cell === '' ? undefined : Number(cell))
  const days = text.hours!.split(';')
  const notes = new Map(current?.services.map((s) => [s.key, s.note]))
  return {
    communityId: text.communityId || undefined,
    name: text.name,
    nameEn: text.nameEn || undefined,
    kind: text.kind,
    address: text.address,
    lat: number(text.lat!),
    lng: number(text.lng!),
    phone: text.phone || null,
    hours: {
      weekly: days.map((day) => list(day, ',').map((range) => range.split('-').map((part) => part.trim()))),
      ...(text.closedDates && { closedDates: list(text.closedDates, ',') }),
    },
    services: list(text.services!, ',').map((entry) => {
      const [key = '', state] = entry.split(':').map((part) => part.trim())
      return { key, available: state !== 'off', note: notes.get(key as never) ?? null }
    }),
    pledges: list(text.pledges!, '\n'),
  }
}

const COLUMN_OF_FIELD: Record<string, string> = { hours: 'hours', services: 'services', pledges: 'pledges' }
const columnOf = (path: PropertyKey[]) => {
  const [field, sub] = path.map(String)
  if (field === 'hours' && sub === 'closedDates') return 'closedDates'
  return COLUMN_OF_FIELD[field ?? ''] ?? field ?? 'id'
}

const reading: RowReading<StationRecord, StationFields> = {
  columns: stationColumns,
  noSuchId: { zh: '站点', en: 'station' },
  schema: stationCreateSchema,
  input: stationInput,
  columnOf,
  exportRow: stationRow,
}

async function planStations(db: Db, scope: Scope, rows: { number: number; text: RowText }[]): Promise<SheetPlan> {
  const existing = new Map((await findAllStations(db)).map((s) => [s.id, s]))
  const { changes, ...plan } = planRows(reading, existing, scope, rows)
  return { ...plan, write: (trx, actor, at) => writeStations(trx, actor, changes, at) }
}

/** Writes the planned rows inside the import's one transaction; each station audited as a form would audit it. */
async function writeStations(trx: Transaction<Database>, actor: User, changes: RowChange<StationFields>[], at: string) {
  const added = changes.flatMap(({ id, fields }) => (id === null ? [fields] : []))
  await insertStations(trx, actor, added, at)
  // The sheet has no photo column: a changed station keeps its photos.
  const changed = changes.flatMap(({ id, fields: { photos: _kept, ...patch } }) => (id === null ? [] : [{ id, patch }]))
  await changeStations(trx, actor, changed, at)
}

export const stationSheet: SheetKindSpec = {
  title: '站点 stations',
  columns: stationColumns,
  exportRows: async (db, communities) =>
    (await findAllStations(db))
      .filter((s) => communities === null || (s.communityId !== null && communities.includes(s.communityId)))
      .map(stationRow),
  plan: planStations,
}
