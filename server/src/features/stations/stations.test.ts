import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import type { StationListResponse } from './schemas'
import { DEMO_STATIONS } from '../../demo/places'

/** Independent haversine (spherical law of haversines, mean Earth radius) to check the server's order. */
function referenceDistance(lat1: number, lng1: number, lat2: number, lng2: number): number {
  const toRad = (d: number) => (d / 180) * Math.PI
  const a =
    Math.sin(toRad(lat2 - lat1) / 2) ** 2 +
    Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(toRad(lng2 - lng1) / 2) ** 2
  return 6371000 * 2 * Math.atan2(Math.sqrt(a), Math.sqrt(1 - a))
}

/** 2026-11-25 (a Wednesday) at 10:00 in Asia/Shanghai. */
const WEDNESDAY_10AM = new Date('2026-11-25T02:00:00Z')

describe.each(DB_KINDS)('GET /api/stations on %s', (kind) => {
  let api: TestApi
  let now = WEDNESDAY_10AM
  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
  })
  afterAll(() => api.close())
  afterEach(() => {
    now = WEDNESDAY_10AM
  })

  const list = async (query: string) => {
    const res = await api.app.inject({ method: 'GET', url: `/api/stations${query}` })
    return { status: res.statusCode, body: res.json<StationListResponse>() }
  }

  it('lists every demo station with services, open-now and no distance when no location is given', async () => {
    const { status, body } = await list('?limit=100')
    expect(status).toBe(200)
    expect(body.items).toHaveLength(DEMO_STATIONS.length)
    expect(body.nextCursor).toBeNull()
    expect(body.items.every((s) => s.distanceM === null)).toBe(true)
    expect(body.items[0]?.kind).toBe('service_station')
    const paifang = body.items.find((s) => s.id === 'st_paifangjie')
    expect(paifang).toMatchObject({ name: '牌坊街党群服务站', openNow: true })
    expect(paifang?.services.map((s) => s.key)).toContain('hot_water')
  })

  it('sorts by distance from the visitor, matching an independent haversine', async () => {
    const here = { lat: 23.6612, lng: 116.6478 }
    const { body } = await list(`?lat=${here.lat}&lng=${here.lng}&limit=100`)
    const expected = DEMO_STATIONS.map((s) => ({
      id: s.id,
      d: referenceDistance(here.lat, here.lng, s.lat, s.lng),
    })).sort((a, b) => a.d - b.d)
    expect(body.items.map((s) => s.id)).toEqual(expected.map((e) => e.id))
    body.items.forEach((s, i) => expect(Math.abs((s.distanceM ?? -1) - (expected[i]?.d ?? 0))).toBeLessThanOrEqual(1))
  })

  it('keeps only stations offering the requested service', async () => {
    const { body } = await list('?service=charging&limit=100')
    const expected = DEMO_STATIONS.filter((s) => s.services.includes('charging'))
      .map((s) => s.id)
      .sort()
    expect(body.items.map((s) => s.id).sort()).toEqual(expected)
    expect(body.items.every((s) => s.services.some((x) => x.key === 'charging'))).toBe(true)
  })

  it('filters by kind', async () => {
    const { body } = await list('?kind=party_member_shop&limit=100')
    expect(body.items.length).toBeGreaterThan(0)
    expect(body.items.every((s) => s.kind === 'party_member_shop')).toBe(true)
  })

  it('computes open-now on the Shanghai clock, including overnight hours and closed days', async () => {
    const isOpen = async (id: string) => (await list('?limit=100')).body.items.find((s) => s.id === id)?.openNow
    now = new Date('2026-11-25T00:29:00Z') // Wed 08:29 — the 牌坊街 station opens at 08:30
    expect(await isOpen('st_paifangjie')).toBe(false)
    now = new Date('2026-11-25T00:30:00Z') // Wed 08:30
    expect(await isOpen('st_paifangjie')).toBe(true)
    now = new Date('2026-11-25T17:30:00Z') // Thu 01:30 — the night stall (18:00–02:00) is still open
    expect(await isOpen('st_shop_beefball')).toBe(true)
    now = new Date('2026-11-25T18:00:00Z') // Thu 02:00 — and now it has closed
    expect(await isOpen('st_shop_beefball')).toBe(false)
    now = new Date('2026-11-23T03:00:00Z') // Mon 11:00 — 韩文公祠 station is closed on Mondays
    expect(await isOpen('st_hanwengong')).toBe(false)
    now = new Date('2026-11-24T03:00:00Z') // Tue 11:00
    expect(await isOpen('st_hanwengong')).toBe(true)
  })

  it('with openNow=true returns only stations open at that moment', async () => {
    now = new Date('2026-11-25T15:00:00Z') // Wed 23:00
    const { body } = await list('?openNow=true&limit=100')
    expect(body.items.map((s) => s.id).sort()).toEqual(['st_micro_xima', 'st_shop_beefball'])
  })

  it('pages with a cursor without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    let pages = 0
    do {
      const { status, body }: { status: number; body: StationListResponse } = await list(
        `?lat=23.6665&lng=116.644&limit=5${cursor ? `&cursor=${cursor}` : ''}`,
      )
      expect(status).toBe(200)
      seen.push(...body.items.map((s) => s.id))
      cursor = body.nextCursor
      pages += 1
    } while (cursor && pages < 10)
    expect(pages).toBe(Math.ceil(DEMO_STATIONS.length / 5))
    expect(new Set(seen).size).toBe(DEMO_STATIONS.length)
  })

  it.each([
    ['lat out of range', '?lat=200&lng=116.6', 'lat'],
    ['lng out of range', '?lat=23.6&lng=-181', 'lng'],
    ['lat without lng', '?lat=23.6', 'lat'],
    ['negative limit', '?limit=-1', 'limit'],
    ['limit too large', '?limit=1000', 'limit'],
    ['unknown service', '?service=massage', 'service'],
    ['unknown kind', '?kind=bar', 'kind'],
    ['non-numeric lat', '?lat=north&lng=116.6', 'lat'],
  ])('refuses %s with a clear 400', async (_case, query, field) => {
    const res = await api.app.inject({ method: 'GET', url: `/api/stations${query}` })
    expect(res.statusCode).toBe(400)
    const body = res.json()
    expect(body.error.code).toBe('VALIDATION_FAILED')
    expect(body.error.message).toContain(field)
    expect(body.error.message).toMatch(/请求参数有误/)
    expect(body.error.messageEn).toContain(field)
  })

  it('says in both languages what is wrong with each field', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/stations?lat=200&limit=0' })
    const { error } = res.json()
    expect(error.message).toBe(
      '请求参数有误：lat 数值过大：期望 number <=90；limit 数值过小：期望 number >=1；lat 须与 lng 同时提供',
    )
    expect(error.messageEn).toMatch(/^Invalid request: lat Too big.*; limit Too small.*; lat must come with lng$/)
    expect(error.details).toEqual([
      expect.objectContaining({ field: 'lat', message: '数值过大：期望 number <=90' }),
      expect.objectContaining({ field: 'limit', message: '数值过小：期望 number >=1' }),
      { field: 'lat', message: '须与 lng 同时提供', messageEn: 'must come with lng' },
    ])
  })

  it('refuses a forged cursor with 400, not 500', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/stations?cursor=not-a-cursor' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.messageEn).toMatch(/cursor/)
  })
})
