import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import {
  type Fixture,
  type Request,
  post,
  OWN,
  place,
  station,
  activity,
  registration,
  wish,
  STAFF_ROUTES,
  SCOPED_LISTS,
  SCOPED_FIGURES,
  DISTRICT_WIDE,
  BEYOND_COMMUNITIES,
  SCOPED_WITH_A_CLOCK,
  SCOPED_PER_ROW,
  ACTORS,
} from './scope-routes'

describe.each(DB_KINDS)('staff act only for their own communities, on %s', (kind) => {
  let api: TestApi
  const tokens: Record<string, string> = {}
  let residents = 0

  /** Sends a row of the tables in scope-routes.ts as the actor named in `tokens`, or with a raw token. */
  const call = (as: string, { method, url, payload }: Request) => api.call(method, url, tokens[as] ?? as, payload)

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => new Date('2026-11-25T02:00:00Z') })
    tokens.own = (await api.signIn('scope-own', 'staff', { nickname: 'scope-own', communityId: OWN })).token
    tokens.other = (await api.signIn('scope-other', 'staff', { nickname: 'scope-other', communityId: 'cm_xihu' })).token
    tokens.district = (await api.signIn('scope-district', 'staff', { nickname: 'scope-district' })).token
    tokens.member = (await api.signIn('scope-member', 'member', { nickname: 'scope-member', communityId: OWN })).token
  })
  afterAll(() => api.close())

  /**
   * A station with an open report, a guesthouse and a session there with one booking, a wish waiting for review, a
   * disputed one and a pending registration, all of cm_jiadi, set up by district staff.
   */
  async function fixture(): Promise<Fixture> {
    const created = async (request: Request, as = 'district') => {
      const res = await call(as, request)
      expect(res.statusCode).toBe(201)
      return res.json()
    }
    const stationId = (
      await created({ method: 'POST', url: '/api/stations', payload: { ...station, communityId: OWN } })
    ).station.id
    const guesthouseId = (
      await created({ method: 'POST', url: '/api/guesthouses', payload: { ...place, communityId: OWN } })
    ).guesthouse.id
    const sessionId = (
      await created({
        method: 'POST',
        url: '/api/lectures/sessions',
        payload: {
          topicId: 'tp_tea',
          guesthouseId,
          startsAt: '2026-11-26T11:30:00Z',
          endsAt: '2026-11-26T13:00:00Z',
          capacity: 10,
        },
      })
    ).session.id
    const residentName = `scope-resident-${++residents}`
    const resident = (await api.signIn(residentName, 'resident', { nickname: residentName })).token
    await created({ method: 'POST', url: `/api/lectures/sessions/${sessionId}/bookings` }, resident)
    const reportId = (
      await created(
        { method: 'POST', url: `/api/stations/${stationId}/reports`, payload: { category: 'no_hot_water' } },
        resident,
      )
    ).report.id

    const wishId = (await created(post('/api/wishes', wish), resident)).wish.id
    const disputedWishId = (await created(post('/api/wishes', wish), resident)).wish.id
    const steps: [string, string, object][] = [
      ['district', 'review', { decision: 'approve' }],
      ['member', 'claim', {}],
      ['member', 'fulfil', { note: '已换好灯泡' }],
      [resident, 'dispute', { reason: '灯还是不亮' }],
    ]
    for (const [as, step, payload] of steps) {
      expect((await call(as, post(`/api/wishes/${disputedWishId}/${step}`, payload))).statusCode).toBe(200)
    }
    const registrantName = `scope-registrant-${residents}`
    const registrant = (await api.signIn(registrantName, 'resident', { nickname: registrantName })).token
    const memberId = (await created(post('/api/members', registration), registrant)).member.id
    const activityId = (await created(post('/api/activities', activity))).activity.id
    await created(post(`/api/activities/${activityId}/signups`, {}), 'member')
    const volunteerId = (await call('member', { method: 'GET', url: '/api/me/member' })).json().member.id
    return { stationId, guesthouseId, sessionId, reportId, wishId, disputedWishId, memberId, activityId, volunteerId }
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
      db.selectFrom('wishes').selectAll().orderBy('id').execute(),
      db.selectFrom('members').selectAll().orderBy('id').execute(),
      db.selectFrom('users').selectAll().orderBy('id').execute(),
      db.selectFrom('activities').selectAll().orderBy('id').execute(),
      db.selectFrom('activity_signups').selectAll().orderBy('id').execute(),
    ])
  }

  const cases = STAFF_ROUTES.flatMap(([route, request, ok]) =>
    ACTORS.map(([who, actor, allowed]) => [route, who, actor, allowed, request, ok] as const),
  )
  it.each(cases)('%s as %s', async (_route, _who, actor, allowed, request, ok) => {
    const target = request(await fixture())
    const before = await everything()
    const res = await call(actor, target)
    if (allowed) {
      expect(res.statusCode).toBe(ok)
      return
    }
    expect(res.statusCode).toBe(403)
    expect(res.json().error).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.any(String),
      messageEn: expect.any(String),
    })
    expect(await everything()).toEqual(before)
  })

  it.each(SCOPED_LISTS)('lists %s only of the communities a staff user acts for', async (_list, url, item) => {
    const id = item(await fixture())
    const seenBy = async (actor: string) =>
      (await call(actor, { method: 'GET', url })).json().items.map((r: { id: string }) => r.id) as string[]
    expect(await seenBy('own')).toContain(id)
    expect(await seenBy('district')).toContain(id)
    expect(await seenBy('other')).not.toContain(id)
  })

  it.each(SCOPED_FIGURES)('counts %s only of the communities a staff user acts for', async (_figures, url) => {
    const { disputedWishId } = await fixture()
    const figuresOf = async () => {
      const seen = ACTORS.map(async ([, actor]) => [actor, (await call(actor, { method: 'GET', url })).json()] as const)
      return Object.fromEntries(await Promise.all(seen))
    }
    const before = await figuresOf()
    expect((await call('district', post(`/api/wishes/${disputedWishId}/settle`, { note: '已核实' }))).statusCode).toBe(
      200,
    )
    const after = await figuresOf()
    expect(after.own).not.toEqual(before.own)
    expect(after.district).not.toEqual(before.district)
    expect(after.other).toEqual(before.other)
  })

  it('leaves no staff route of the API document out of these tables', async () => {
    type Operation = { responses: Record<string, { description?: string }> }
    type Document = { paths: Record<string, Record<string, Operation>> }
    const doc = (await api.app.inject({ url: '/api/openapi.json' })).json<Document>()
    const operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => {
        return { name: `${method.toUpperCase()} ${path}`, path, operation }
      }),
    )
    // The document says who a route is for in its 403: "FORBIDDEN: only for staff, or not this caller’s to do".
    const forStaff = (operation: Operation) =>
      /only for [^,]*\bstaff\b/.test(operation.responses['403']?.description ?? '')
    const staffOnly = operations.filter(({ operation }) => forStaff(operation))
    const templateOf = ({ method, url }: Request) => {
      const path = url.split('?')[0]!
      const matches = (o: (typeof operations)[number]) =>
        o.name.startsWith(`${method} `) && new RegExp(`^${o.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path)
      // /api/wishes/review-queue is its own route, not /api/wishes/{id}.
      return (operations.find((o) => o.name === `${method} ${path}`) ?? operations.find(matches))?.name
    }
    const f = await fixture()
    const get = (url: string): Request => ({ method: 'GET', url })
    const tabled = new Set([
      ...STAFF_ROUTES.map(([, request]) => templateOf(request(f))),
      ...SCOPED_LISTS.map(([, url]) => templateOf(get(url))),
      ...SCOPED_FIGURES.map(([, url]) => templateOf(get(url))),
      ...DISTRICT_WIDE.map(([, request]) => templateOf(request)),
      templateOf(get('/api/communities/mine')),
      ...BEYOND_COMMUNITIES,
      ...SCOPED_WITH_A_CLOCK,
      ...SCOPED_PER_ROW,
      // One page per station of the caller's communities: stations/posters.test.ts counts them per staff user.
      templateOf(get('/api/staff/posters.pdf')),
    ])
    expect(staffOnly.length).toBeGreaterThanOrEqual(20)
    expect(staffOnly.map(({ name }) => name).filter((name) => !tabled.has(name))).toEqual([])
  })

  it.each(DISTRICT_WIDE)('lets every staff user %s: the district’s, by design', async (_route, request, ok) => {
    const answers = []
    for (const actor of ACTORS.map(([, name]) => name)) {
      const res = await call(actor, request)
      expect(res.statusCode).toBe(ok)
      answers.push(res.json())
    }
    if (request.method === 'GET') expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1)
  })

  it('refuses moving a session or a place into a community the staff user does not act for', async () => {
    const { sessionId, stationId, guesthouseId } = await fixture()
    const before = await everything()
    expect(
      (
        await call('own', {
          method: 'PATCH',
          url: `/api/lectures/sessions/${sessionId}`,
          payload: { guesthouseId: 'gh_ximalu' },
        })
      ).statusCode,
    ).toBe(403)
    expect(
      (await call('own', { method: 'PATCH', url: `/api/stations/${stationId}`, payload: { communityId: 'cm_xihu' } }))
        .statusCode,
    ).toBe(403)
    expect(
      (
        await call('own', {
          method: 'PATCH',
          url: `/api/guesthouses/${guesthouseId}`,
          payload: { communityId: 'cm_xihu' },
        })
      ).statusCode,
    ).toBe(403)
    expect(await everything()).toEqual(before)
    const handedOver = await call('district', {
      method: 'PATCH',
      url: `/api/stations/${stationId}`,
      payload: { communityId: 'cm_xihu' },
    })
    expect(handedOver.json().station.communityId).toBe('cm_xihu')
  })

  it('takes a bound staff user’s own community when a new place names none; a district account must name one', async () => {
    const mine = await call('own', { method: 'POST', url: '/api/guesthouses', payload: place })
    expect(mine.statusCode).toBe(201)
    expect(mine.json().guesthouse.communityId).toBe(OWN)
    const unnamed = await call('district', { method: 'POST', url: '/api/stations', payload: station })
    expect(unnamed.statusCode).toBe(400)
    expect(unnamed.json().error.details).toEqual([
      expect.objectContaining({ field: 'communityId', message: '请选择所属社区' }),
    ])
    const unknown = await call('district', {
      method: 'POST',
      url: '/api/stations',
      payload: { ...station, communityId: 'cm_nowhere' },
    })
    expect(unknown.statusCode).toBe(400)
  })

  it('tells a staff user which communities they act for', async () => {
    const scopeOf = async (actor: string) => (await call(actor, { method: 'GET', url: '/api/communities/mine' })).json()
    expect(await scopeOf('own')).toEqual({
      district: false,
      items: [{ id: OWN, name: '甲第巷社区', nameEn: 'Jiadi Lane Community' }],
    })
    const district = await scopeOf('district')
    expect(district.district).toBe(true)
    expect(district.items.length).toBeGreaterThanOrEqual(6)
  })

  it('shows every demo place with its community, spread over several communities', async () => {
    const stations = (await api.app.inject({ method: 'GET', url: '/api/stations?limit=100' })).json().items as {
      id: string
      communityId: string | null
    }[]
    const guesthouses = (await api.app.inject({ method: 'GET', url: '/api/guesthouses' })).json().items as {
      id: string
      communityId: string | null
    }[]
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
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/stations/st_contact_jiadi' })).json().station.communityId,
    ).toBe('cm_jiadi')
    expect(
      (await api.app.inject({ method: 'GET', url: '/api/guesthouses/gh_jiadi' })).json().guesthouse.communityId,
    ).toBe('cm_jiadi')
  })
})
