import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

/** What one staff route is asked to do to a fresh set of 甲第巷社区 (cm_jiadi) places. */
interface Fixture {
  stationId: string
  guesthouseId: string
  sessionId: string
  reportId: string
}
type Request = { method: 'GET' | 'POST' | 'PATCH'; url: string; payload?: object }

const OWN = 'cm_jiadi'
const place = { name: '甲第巷·测试客栈', address: '潮州市湘桥区甲第巷 30 号', lat: 23.6648, lng: 116.6474 }
const station = {
  name: '甲第巷测试服务站',
  kind: 'contact_point',
  address: '潮州市湘桥区甲第巷 31 号',
  lat: 23.6649,
  lng: 116.6475,
  hours: { weekly: Array.from({ length: 7 }, () => [['09:00', '18:00']]) },
  services: [{ key: 'hot_water' }],
}

/** Every staff route that touches one community's stations, guesthouses, sessions, reports, codes or attendance. */
const STAFF_ROUTES: [string, (f: Fixture) => Request, number][] = [
  ['create a station', () => ({ method: 'POST', url: '/api/stations', payload: { ...station, communityId: OWN } }), 201],
  ['edit a station', (f) => ({ method: 'PATCH', url: `/api/stations/${f.stationId}`, payload: { name: '改过的名字' } }), 200],
  ['toggle a service', (f) => ({ method: 'PATCH', url: `/api/stations/${f.stationId}/services/hot_water`, payload: { available: false } }), 200],
  ['read a station’s change history', (f) => ({ method: 'GET', url: `/api/stations/${f.stationId}/changes` }), 200],
  ['resolve a report', (f) => ({ method: 'POST', url: `/api/stations/reports/${f.reportId}/resolve`, payload: { note: '已修好' } }), 200],
  ['add a guesthouse', () => ({ method: 'POST', url: '/api/guesthouses', payload: { ...place, communityId: OWN } }), 201],
  ['edit a guesthouse', (f) => ({ method: 'PATCH', url: `/api/guesthouses/${f.guesthouseId}`, payload: { roomsNote: '可坐 12 人' } }), 200],
  [
    'schedule a session',
    (f) => ({
      method: 'POST',
      url: '/api/lectures/sessions',
      payload: { topicId: 'tp_waste', guesthouseId: f.guesthouseId, startsAt: '2026-11-27T11:30:00Z', endsAt: '2026-11-27T13:00:00Z', capacity: 10 },
    }),
    201,
  ],
  ['reschedule a session', (f) => ({ method: 'PATCH', url: `/api/lectures/sessions/${f.sessionId}`, payload: { startsAt: '2026-11-26T12:00:00Z' } }), 200],
  ['cancel a session', (f) => ({ method: 'POST', url: `/api/lectures/sessions/${f.sessionId}/cancel`, payload: { reason: '改期' } }), 200],
  ['show the check-in code', (f) => ({ method: 'GET', url: `/api/lectures/sessions/${f.sessionId}/checkin-code` }), 200],
  ['read the attendance list', (f) => ({ method: 'GET', url: `/api/lectures/sessions/${f.sessionId}/attendance` }), 200],
  ['export the attendance CSV', (f) => ({ method: 'GET', url: `/api/lectures/sessions/${f.sessionId}/attendance.csv` }), 200],
]

/** Staff of the place's own community and district staff may; staff of another community get 403 and change nothing. */
const ACTORS: [string, string, boolean][] = [
  ['staff of its own community', 'own', true],
  ['staff of another community', 'other', false],
  ['district staff', 'district', true],
]

describe.each(DB_KINDS)('staff act only for their own communities, on %s', (kind) => {
  let api: TestApi
  const tokens: Record<string, string> = {}
  let residents = 0

  const login = async (openid: string, role: string, communityId?: string) =>
    (await api.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid, role, nickname: openid, communityId } })).json().token as string
  const call = (as: string, request: Request) =>
    api.app.inject({ method: request.method, url: request.url, payload: request.payload, headers: { authorization: `Bearer ${tokens[as] ?? as}` } })

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => new Date('2026-11-25T02:00:00Z') })
    tokens.own = await login('scope-own', 'staff', OWN)
    tokens.other = await login('scope-other', 'staff', 'cm_xihu')
    tokens.district = await login('scope-district', 'staff')
  })
  afterAll(() => api.close())

  /** A station with an open report, a guesthouse and a session there with one booking, all of cm_jiadi, set up by district staff. */
  async function fixture(): Promise<Fixture> {
    const created = async (request: Request, as = 'district') => {
      const res = await call(as, request)
      expect(res.statusCode).toBe(201)
      return res.json()
    }
    const stationId = (await created({ method: 'POST', url: '/api/stations', payload: { ...station, communityId: OWN } })).station.id
    const guesthouseId = (await created({ method: 'POST', url: '/api/guesthouses', payload: { ...place, communityId: OWN } })).guesthouse.id
    const sessionId = (
      await created({
        method: 'POST',
        url: '/api/lectures/sessions',
        payload: { topicId: 'tp_tea', guesthouseId, startsAt: '2026-11-26T11:30:00Z', endsAt: '2026-11-26T13:00:00Z', capacity: 10 },
      })
    ).session.id
    const resident = await login(`scope-resident-${++residents}`, 'resident')
    await created({ method: 'POST', url: `/api/lectures/sessions/${sessionId}/bookings` }, resident)
    const reportId = (await created({ method: 'POST', url: `/api/stations/${stationId}/reports`, payload: { category: 'no_hot_water' } }, resident)).report.id
    return { stationId, guesthouseId, sessionId, reportId }
  }

  /** Everything a staff route could change, read straight from the database. */
  async function everything() {
    const db = api.database.db
    return Promise.all([
      db.selectFrom('stations').selectAll().orderBy('id').execute(),
      db.selectFrom('station_services').selectAll().orderBy('station_id').orderBy('service_key').execute(),
      db.selectFrom('station_reports').selectAll().orderBy('id').execute(),
      db.selectFrom('guesthouses').selectAll().orderBy('id').execute(),
      db.selectFrom('lecture_sessions').selectAll().orderBy('id').execute(),
      db.selectFrom('audit_log').selectAll().orderBy('id').execute(),
      db.selectFrom('outbox').selectAll().orderBy('id').execute(),
    ])
  }

  const cases = STAFF_ROUTES.flatMap(([route, request, ok]) => ACTORS.map(([who, actor, allowed]) => [route, who, actor, allowed, request, ok] as const))
  it.each(cases)('%s as %s', async (_route, _who, actor, allowed, request, ok) => {
    const target = request(await fixture())
    const before = await everything()
    const res = await call(actor, target)
    if (allowed) {
      expect(res.statusCode).toBe(ok)
      return
    }
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toMatchObject({ code: 'FORBIDDEN', message: expect.any(String), messageEn: expect.any(String) })
    expect(await everything()).toEqual(before)
  })

  it('lists open reports only of the communities a staff user acts for', async () => {
    const { reportId } = await fixture()
    const seenBy = async (actor: string) =>
      (await call(actor, { method: 'GET', url: '/api/stations/reports' })).json().items.map((r: { id: string }) => r.id) as string[]
    expect(await seenBy('own')).toContain(reportId)
    expect(await seenBy('district')).toContain(reportId)
    expect(await seenBy('other')).not.toContain(reportId)
  })

  it('refuses moving a session or a place into a community the staff user does not act for', async () => {
    const { sessionId, stationId, guesthouseId } = await fixture()
    const before = await everything()
    expect((await call('own', { method: 'PATCH', url: `/api/lectures/sessions/${sessionId}`, payload: { guesthouseId: 'gh_ximalu' } })).statusCode).toBe(403)
    expect((await call('own', { method: 'PATCH', url: `/api/stations/${stationId}`, payload: { communityId: 'cm_xihu' } })).statusCode).toBe(403)
    expect((await call('own', { method: 'PATCH', url: `/api/guesthouses/${guesthouseId}`, payload: { communityId: 'cm_xihu' } })).statusCode).toBe(403)
    expect(await everything()).toEqual(before)
    const handedOver = await call('district', { method: 'PATCH', url: `/api/stations/${stationId}`, payload: { communityId: 'cm_xihu' } })
    expect(handedOver.json().station.communityId).toBe('cm_xihu')
  })

  it('takes a bound staff user’s own community when a new place names none; a district account must name one', async () => {
    const mine = await call('own', { method: 'POST', url: '/api/guesthouses', payload: place })
    expect(mine.statusCode).toBe(201)
    expect(mine.json().guesthouse.communityId).toBe(OWN)
    const unnamed = await call('district', { method: 'POST', url: '/api/stations', payload: station })
    expect(unnamed.statusCode).toBe(400)
    expect(unnamed.json().error.details).toEqual([expect.objectContaining({ field: 'communityId', message: '请选择所属社区' })])
    const unknown = await call('district', { method: 'POST', url: '/api/stations', payload: { ...station, communityId: 'cm_nowhere' } })
    expect(unknown.statusCode).toBe(400)
  })

  it('tells a staff user which communities they act for', async () => {
    const scopeOf = async (actor: string) => (await call(actor, { method: 'GET', url: '/api/communities/mine' })).json()
    expect(await scopeOf('own')).toEqual({ district: false, items: [{ id: OWN, name: '甲第巷社区' }] })
    const district = await scopeOf('district')
    expect(district.district).toBe(true)
    expect(district.items.length).toBeGreaterThanOrEqual(6)
  })

  it('shows every demo place with its community, spread over several communities', async () => {
    const stations = (await api.app.inject({ method: 'GET', url: '/api/stations?limit=100' })).json().items as { id: string; communityId: string | null }[]
    const guesthouses = (await api.app.inject({ method: 'GET', url: '/api/guesthouses' })).json().items as { id: string; communityId: string | null }[]
    const demoIds = new Set(
      [
        ...(await api.database.db.selectFrom('stations').select('id').where('is_demo', '=', 1).execute()),
        ...(await api.database.db.selectFrom('guesthouses').select('id').where('is_demo', '=', 1).execute()),
      ].map((r) => r.id),
    )
    const demo = [...stations, ...guesthouses].filter((p) => demoIds.has(p.id))
    expect(demo).toHaveLength(17)
    expect(demo.every((p) => p.communityId !== null)).toBe(true)
    expect(new Set(demo.map((p) => p.communityId)).size).toBeGreaterThanOrEqual(4)
    expect(stations.find((s) => s.id === 'st_xihu')?.communityId).toBe('cm_xihu')
    expect((await api.app.inject({ method: 'GET', url: '/api/stations/st_contact_jiadi' })).json().station.communityId).toBe('cm_jiadi')
    expect((await api.app.inject({ method: 'GET', url: '/api/guesthouses/gh_jiadi' })).json().guesthouse.communityId).toBe('cm_jiadi')
  })
})
