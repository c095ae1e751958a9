import type { Kysely } from 'kysely'
import { createTestDatabase, DB_KINDS, migrateAllBut } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import type { StationDetailResponse, StationListResponse } from './schemas'
import { migrateToLatest, openDatabase } from '../../db/index'
import type { StationsTable } from '../../db/schema'
import { DEMO_STATIONS } from '../../demo/places'
import { findAllStations } from './queries'

const UNKNOWN = { stepFree: 'unknown', accessibleToilet: 'unknown', babyCare: 'unknown', seating: 'unknown' }

describe.each(DB_KINDS)('access facts of stations (无障碍信息) on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>
  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => new Date('2026-11-25T02:00:00Z') })
    tokens = await api.signInEach('access-', [
      ['staff', 'staff'],
      ['tourist', 'tourist'],
    ])
  })
  afterAll(() => api.close())

  const listIds = async (query: string) => {
    const res = await api.call('GET', `/api/stations?limit=100&${query}`)
    expect(res.statusCode).toBe(200)
    return res
      .json<StationListResponse>()
      .items.map((s) => s.id)
      .sort()
  }
  const accessOf = async (id: string) =>
    (await api.call('GET', `/api/stations/${id}`)).json<StationDetailResponse>().station.access

  it('shows each station’s facts on the list and the detail, "unknown" where nobody has said', async () => {
    const { items } = (await api.call('GET', '/api/stations?limit=100')).json<StationListResponse>()
    expect(items.find((s) => s.id === 'st_paifangjie')?.access).toEqual({
      stepFree: 'yes',
      accessibleToilet: 'yes',
      babyCare: 'yes',
      seating: 'yes',
    })
    expect(await accessOf('st_guangjimen')).toEqual({
      stepFree: 'yes',
      accessibleToilet: 'no',
      babyCare: 'unknown',
      seating: 'yes',
    })
    expect(await accessOf('st_micro_xima')).toEqual(UNKNOWN)
  })

  it('lists only stations where every named fact is "yes"', async () => {
    const where = (...facts: ('stepFree' | 'babyCare' | 'seating')[]) =>
      DEMO_STATIONS.filter((s) => facts.every((fact) => s.access?.[fact] === 'yes'))
        .map((s) => s.id)
        .sort()
    expect(await listIds('access=stepFree,babyCare')).toEqual(where('stepFree', 'babyCare'))
    expect(await listIds('access=stepFree,babyCare')).toEqual(['st_paifangjie', 'st_xihu'])
    expect(await listIds('access=seating')).toEqual(where('seating'))
    // With the other filters, and a fact named twice is asked once.
    expect(await listIds('access=stepFree,stepFree&kind=service_station')).toEqual(
      DEMO_STATIONS.filter((s) => s.kind === 'service_station' && s.access?.stepFree === 'yes')
        .map((s) => s.id)
        .sort(),
    )
  })

  it('refuses an unknown fact or an empty list with a message in Chinese and English', async () => {
    for (const query of ['access=wheelchair', 'access=', 'access=stepFree,,seating']) {
      const res = await api.call('GET', `/api/stations?${query}`)
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('access') })
    }
  })

  it('lets staff change the facts they name, keeps the others, and logs the change', async () => {
    const res = await api.call('PATCH', '/api/stations/st_guangjimen', tokens.staff, { access: { babyCare: 'yes' } })
    expect(res.statusCode).toBe(200)
    expect(res.json<StationDetailResponse>().station.access).toEqual({
      stepFree: 'yes',
      accessibleToilet: 'no',
      babyCare: 'yes',
      seating: 'yes',
    })
    expect(await listIds('access=stepFree,babyCare')).toContain('st_guangjimen')
    const log = (await api.call('GET', '/api/stations/st_guangjimen/changes', tokens.staff)).json()
    expect(log.items[0]).toMatchObject({ action: 'update', detail: { access: { babyCare: 'yes' } } })
  })

  it('refuses a value other than yes, no or unknown, and visitors, changing nothing', async () => {
    const before = await accessOf('st_kaiyuansi')
    const bad = await api.call('PATCH', '/api/stations/st_kaiyuansi', tokens.staff, { access: { stepFree: 'maybe' } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.message).toContain('access.stepFree')
    const tourist = await api.call('PATCH', '/api/stations/st_kaiyuansi', tokens.tourist, {
      access: { stepFree: 'yes' },
    })
    expect(tourist.statusCode).toBe(403)
    expect(await accessOf('st_kaiyuansi')).toEqual(before)
  })

  it('keeps every fact when two hundred changes of different facts arrive at once', async () => {
    const changes = Array.from({ length: 200 }, (_, i) =>
      api.call('PATCH', '/api/stations/st_shop_embroidery', tokens.staff, {
        access: i % 2 === 0 ? { stepFree: 'yes' } : { seating: 'no' },
      }),
    )
    const statuses = (await Promise.all(changes)).map((r) => r.statusCode)
    expect(statuses.every((status) => status === 200)).toBe(true)
    expect(await accessOf('st_shop_embroidery')).toEqual({ ...UNKNOWN, stepFree: 'yes', seating: 'no' })
    const log = (await api.call('GET', '/api/stations/st_shop_embroidery/changes', tokens.staff)).json()
    expect(log.items.filter((c: { action: string }) => c.action === 'update')).toHaveLength(100)
  })

  it('gives a new station "unknown" for the facts it does not name', async () => {
    const created = await api.call('POST', '/api/stations', tokens.staff, {
      communityId: 'cm_dongmen',
      name: '东门街无障碍测试站',
      kind: 'contact_point',
      address: '潮州市湘桥区东门街 9 号',
      lat: 23.6671,
      lng: 116.6502,
      hours: { weekly: Array.from({ length: 7 }, () => [['09:00', '18:00']]) },
      services: [],
      access: { seating: 'yes' },
    })
    expect(created.statusCode).toBe(201)
    expect(created.json<StationDetailResponse>().station.access).toEqual({ ...UNKNOWN, seating: 'yes' })
  })
})

describe.each(DB_KINDS)('stations from before access facts, on %s', (kind) => {
  it('each has every fact "unknown" after migration 0012', async () => {
    const testDatabase = await createTestDatabase(kind)
    const database = openDatabase(testDatabase.url)
    try {
      await migrateAllBut(database.db, '0014_station_access')
      type Before = Omit<
        StationsTable,
        'access_step_free' | 'access_accessible_toilet' | 'access_baby_care' | 'access_seating'
      >
      const old = database.db as unknown as Kysely<{ stations: Before }>
      await old
        .insertInto('stations')
        .values({
          id: 'st_old',
          name: '老站',
          name_en: 'Old station',
          kind: 'contact_point',
          address: '潮州市湘桥区老街 1 号',
          lat: 23.665,
          lng: 116.645,
          phone: null,
          hours_json: JSON.stringify({ weekly: Array.from({ length: 7 }, () => []) }),
          photos_json: '[]',
          pledges_json: '[]',
          community_id: null,
          is_demo: 0,
          created_at: '2026-11-01T00:00:00.000Z',
          updated_at: '2026-11-01T00:00:00.000Z',
        })
        .execute()
      await migrateToLatest(database.db)
      expect((await findAllStations(database.db))[0]?.access).toEqual(UNKNOWN)
    } finally {
      await database.close()
      testDatabase.remove()
    }
  })
})
