import type { Role } from '../auth/schemas'
import type { Db } from '../../db/index'
import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

type Row = Record<string, unknown>

/**
 * A new value for one field: given outright, or worked out from the row as stored (a time moved by half an hour); and
 * the columns it is stored in, when they are not named after it.
 */
type Change = ({ value: unknown } | { from: (row: Row) => unknown }) & { columns?: string[] }

/**
 * How to exercise one PATCH operation on a demo row: who may call it, where the row is read straight from the
 * database, and a new value for every field its body takes. Fields are sent in this order, lists first: a field
 * whose create form defaults it (photos: []) then shows whether a later change of another field puts it back.
 */
interface PatchCase {
  url: string
  role: Role
  read(db: Db, userId: string): Promise<Row>
  changes: Record<string, Change>
}

const halfHour = 30 * 60_000
const shifted = (column: string, ms: number) => (row: Row) =>
  new Date(Date.parse(String(row[column])) + ms).toISOString()

const CASES: Record<string, PatchCase> = {
  'PATCH /api/guesthouses/{id}': {
    url: '/api/guesthouses/gh_jiadi',
    role: 'staff',
    read: (db) => db.selectFrom('guesthouses').selectAll().where('id', '=', 'gh_jiadi').executeTakeFirstOrThrow(),
    changes: {
      photos: { value: ['https://example.org/guesthouse.jpg'] },
      name: { value: '甲第巷·古厝客栈（新馆）' },
      communityId: { value: 'cm_yixing' },
      address: { value: '潮州市湘桥区甲第巷 23 号' },
      lat: { value: 23.6649 },
      lng: { value: 116.6475 },
      roomsNote: { value: null },
    },
  },
  'PATCH /api/lectures/topics/{id}': {
    url: '/api/lectures/topics/tp_theory',
    role: 'staff',
    read: (db) => db.selectFrom('lecture_topics').selectAll().where('id', '=', 'tp_theory').executeTakeFirstOrThrow(),
    changes: {
      title: { value: '理论宣讲·新编' },
      titleEn: { value: 'Theory, revised' },
      description: { value: '用身边事讲清大道理。' },
      descriptionEn: { value: 'Big ideas told through everyday life.' },
    },
  },
  'PATCH /api/lectures/sessions/{id}': {
    url: '/api/lectures/sessions/ls_demo_history',
    role: 'staff',
    read: (db) =>
      db.selectFrom('lecture_sessions').selectAll().where('id', '=', 'ls_demo_history').executeTakeFirstOrThrow(),
    changes: {
      guesthouseId: { value: 'gh_xiashuimen' },
      startsAt: { from: shifted('starts_at', -halfHour) },
      endsAt: { from: shifted('ends_at', halfHour) },
      capacity: { value: 45 },
      speaker: { value: null },
    },
  },
  'PATCH /api/stations/{id}': {
    url: '/api/stations/st_paifangjie',
    role: 'staff',
    read: async (db) => ({
      ...(await db.selectFrom('stations').selectAll().where('id', '=', 'st_paifangjie').executeTakeFirstOrThrow()),
      services: await db
        .selectFrom('station_services')
        .selectAll()
        .where('station_id', '=', 'st_paifangjie')
        .orderBy('service_key')
        .execute(),
    }),
    changes: {
      photos: { value: ['https://example.org/station.jpg'] },
      pledges: { value: ['热水免费，雨伞借还不押证件'] },
      services: { value: [{ key: 'wifi', available: false, note: '线路检修' }] },
      communityId: { value: 'cm_xihu' },
      name: { value: '牌坊街党群服务站（新）' },
      nameEn: { value: 'Paifang Street Service Station' },
      kind: { value: 'micro_post' },
      address: { value: '潮州市湘桥区太平路牌坊街北段' },
      lat: { value: 23.6669 },
      lng: { value: 116.6441 },
      phone: { value: '0768-2222999' },
      hours: { value: { weekly: Array.from({ length: 7 }, () => [['09:00', '21:00']]) } },
      // One fact named: the other three facts stay as they were.
      access: { value: { babyCare: 'no' }, columns: ['access_baby_care'] },
    },
  },
  'PATCH /api/stations/{id}/services/{key}': {
    url: '/api/stations/st_xihu/services/umbrella',
    role: 'staff',
    read: (db) =>
      db
        .selectFrom('station_services')
        .selectAll()
        .where('station_id', '=', 'st_xihu')
        .where('service_key', '=', 'umbrella')
        .executeTakeFirstOrThrow(),
    changes: {
      note: { value: '雨伞已借完' },
      available: { value: false },
    },
  },
  'PATCH /api/town': {
    url: '/api/town',
    role: 'staff',
    read: (db) => db.selectFrom('town').selectAll().executeTakeFirstOrThrow(),
    changes: {
      name: { value: '平遥古城' },
      nameEn: { value: 'Pingyao Ancient City' },
      intro: { value: '明清街巷，票号旧址。' },
      introEn: { value: 'Ming and Qing lanes and the old banks.' },
      center: { value: { lat: 37.2, lng: 112.18 }, columns: ['lat', 'lng'] },
      zoom: { value: 14 },
    },
  },
  'PATCH /api/activities/{id}': {
    url: '/api/activities/ac_demo_cleanup',
    role: 'staff',
    read: (db) => db.selectFrom('activities').selectAll().where('id', '=', 'ac_demo_cleanup').executeTakeFirstOrThrow(),
    changes: {
      title: { value: '牌坊街环境卫生整治（周末场）' },
      kind: { value: 'civility' },
      description: { value: '清理巷道杂物，劝导文明停放电动车。' },
      address: { value: '潮州市湘桥区太平路牌坊街南段' },
      lat: { value: 23.6662 },
      lng: { value: 116.6452 },
      startsAt: { from: shifted('starts_at', -halfHour) },
      endsAt: { from: shifted('ends_at', halfHour) },
      volunteersNeeded: { value: 12 },
    },
  },
  'PATCH /api/activities/{id}/signups/{memberId}': {
    url: '/api/activities/ac_demo_legal/signups/mb_demo_2',
    role: 'staff',
    read: (db) =>
      db.selectFrom('activity_signups').selectAll().where('id', '=', 'su_demo_legal_1').executeTakeFirstOrThrow(),
    changes: {
      // The reason first: hours alone are taken once a reason is on record.
      reason: { value: '现场负责人确认', columns: ['hours_reason'] },
      hours: { value: 2.5, columns: ['hours', 'hours_set_by'] },
    },
  },
  'PATCH /api/me/member': {
    url: '/api/me/member',
    role: 'member',
    read: (db, userId) => db.selectFrom('members').selectAll().where('user_id', '=', userId).executeTakeFirstOrThrow(),
    changes: { rankingOptOut: { value: true } },
  },
}

const snake = (name: string) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
/** The columns a field is stored in: its own name in snake case, as JSON for a list or an object. */
const columnsOf = (field: string, change: Change, row: Row) =>
  change.columns ?? [snake(field), `${snake(field)}_json`, field].filter((column) => column in row).slice(0, 1)
/** Stamps every write bumps, whatever it changes. */
const BOOKKEEPING = new Set(['updated_at'])
const changedColumns = (before: Row, after: Row) =>
  Object.keys(after)
    .filter((column) => !BOOKKEEPING.has(column) && JSON.stringify(before[column]) !== JSON.stringify(after[column]))
    .sort()

interface Operation {
  requestBody?: {
    content: Record<string, { schema: { properties?: Record<string, unknown>; minProperties?: number } }>
  }
}

describe.each(DB_KINDS)('every PATCH changes exactly what it names, on %s', (kind) => {
  let api: TestApi
  let patches: [string, Operation][]
  const callers: Partial<Record<Role, { token: string; userId: string }>> = {}
  beforeAll(async () => {
    api = await startTestApi({ kind })
    const doc = (await api.app.inject({ url: '/api/openapi.json' })).json<{
      paths: Record<string, Record<string, Operation>>
    }>()
    patches = Object.entries(doc.paths).flatMap(([path, methods]) =>
      methods.patch ? [[`PATCH ${path}`, methods.patch] as [string, Operation]] : [],
    )
    for (const role of ['staff', 'member'] as const) {
      // District staff (no community of their own) may act in every community a change hands a place to.
      const { token, user } = await api.signIn(`patch-${role}`, role, { nickname: `patch ${role}` })
      callers[role] = { token, userId: user.id }
    }
  })
  afterAll(() => api.close())

  it('has a case for every PATCH in the document, naming every field its body takes', () => {
    expect(patches.map(([name]) => name).sort()).toEqual(Object.keys(CASES).sort())
    for (const [name, operation] of patches) {
      const body = operation.requestBody?.content['application/json']?.schema
      expect({ name, minProperties: body?.minProperties }).toEqual({ name, minProperties: 1 })
      expect({ name, fields: Object.keys(body?.properties ?? {}).sort() }).toEqual({
        name,
        fields: Object.keys(CASES[name]!.changes).sort(),
      })
    }
  })

  it.each(Object.entries(CASES))('%s: {} is refused as naming nothing and changes nothing', async (_name, patch) => {
    const { token, userId } = callers[patch.role]!
    const before = await patch.read(api.database.db, userId)
    const reply = await api.call('PATCH', patch.url, token, {})
    expect(reply.statusCode).toBe(400)
    expect(reply.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: expect.stringContaining('没有要修改的内容'),
      messageEn: expect.stringContaining('names nothing to change'),
    })
    expect(await patch.read(api.database.db, userId)).toEqual(before)
  })

  it.each(Object.entries(CASES))(
    '%s: a body naming one field changes that field and no other',
    async (_name, patch) => {
      const { token, userId } = callers[patch.role]!
      for (const [field, change] of Object.entries(patch.changes)) {
        const before = await patch.read(api.database.db, userId)
        const value = 'from' in change ? change.from(before) : change.value
        const reply = await api.call('PATCH', patch.url, token, { [field]: value })
        expect({ field, status: reply.statusCode, body: reply.statusCode === 200 ? '' : reply.body }).toEqual({
          field,
          status: 200,
          body: '',
        })
        const after = await patch.read(api.database.db, userId)
        expect({ field, changed: changedColumns(before, after) }).toEqual({
          field,
          changed: columnsOf(field, change, after),
        })
      }
    },
  )
})
