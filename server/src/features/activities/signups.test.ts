import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

/** The places-and-waitlist invariant of volunteer sign-ups under real concurrent HTTP requests. */
describe.each(DB_KINDS)('volunteer sign-ups under concurrency on %s', (kind) => {
  let api: TestApi
  let staff: string
  const now = new Date('2026-11-25T02:00:00Z')

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    staff = (await api.signIn('staff-signups', 'staff')).token
  })
  afterAll(() => api.close())

  const members = (prefix: string, count: number) =>
    Promise.all(
      Array.from(
        { length: count },
        async (_, i) => (await api.signIn(`${prefix}-${i}`, 'member', { communityId: 'cm_paifang' })).token,
      ),
    )

  async function newActivity(volunteersNeeded: number): Promise<string> {
    const res = await api.call('POST', '/api/activities', staff, {
      title: '古城环境卫生整治',
      kind: 'cleanup',
      description: '清理巷道杂物，劝导文明停放。',
      communityId: 'cm_paifang',
      address: '牌坊街入口',
      lat: 23.667,
      lng: 116.645,
      startsAt: '2026-11-28T00:30:00Z',
      endsAt: '2026-11-28T03:00:00Z',
      volunteersNeeded,
    })
    expect(res.statusCode).toBe(201)
    return res.json().activity.id
  }

  type Answer = { status: number; body: { id: string; status: string; position: number | null } }
  const http = (method: string, path: string, token: string): Promise<Answer> =>
    fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as Answer['body'],
    }))

  async function stored(activityId: string) {
    const rows = await api.database.db
      .selectFrom('activity_signups')
      .select(['status', 'waitlist_ticket'])
      .where('activity_id', '=', activityId)
      .execute()
    const activity = (await api.call('GET', `/api/activities/${activityId}`)).json().activity
    return {
      confirmed: rows.filter((r) => r.status === 'confirmed').length,
      waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
      activity,
    }
  }

  it('300 members signing up for 20 places at once: exactly 20 confirmed, 280 waitlisted at positions 1–280', async () => {
    const activityId = await newActivity(20)
    const tokens = await members(`storm-${kind}`, 300)
    const answers = await Promise.all(tokens.map((t) => http('POST', `/api/activities/${activityId}/signups`, t)))

    expect(answers.every((a) => a.status === 201)).toBe(true)
    expect(answers.filter((a) => a.body.status === 'confirmed')).toHaveLength(20)
    const waiting = answers.filter((a) => a.body.status === 'waitlisted')
    expect(waiting.map((a) => a.body.position).sort((a, b) => (a ?? 0) - (b ?? 0))).toEqual(
      Array.from({ length: 280 }, (_, i) => i + 1),
    )
    const counts = await stored(activityId)
    expect(counts).toMatchObject({ confirmed: 20, waitlisted: 280 })
    expect(counts.activity).toMatchObject({ confirmedCount: 20, waitlistCount: 280, placesLeft: 0 })
  })

  it('withdrawals and new sign-ups racing: never more than the places, the oldest waiting move up first', async () => {
    const activityId = await newActivity(10)
    const tokens = await members(`race-${kind}`, 40)
    for (const token of tokens.slice(0, 30)) await http('POST', `/api/activities/${activityId}/signups`, token)
    // 10 confirmed, 20 waiting; now 5 confirmed leave while 10 newcomers sign up, all at once.
    const answers = await Promise.all([
      ...tokens.slice(0, 5).map((t) => http('DELETE', `/api/activities/${activityId}/signups/me`, t)),
      ...tokens.slice(30).map((t) => http('POST', `/api/activities/${activityId}/signups`, t)),
    ])
    expect(answers.every((a) => a.status === 200 || a.status === 201)).toBe(true)
    expect(answers.slice(5).every((a) => a.body.status === 'waitlisted')).toBe(true)
    const counts = await stored(activityId)
    expect(counts).toMatchObject({ confirmed: 10, waitlisted: 25 })
    // The five who moved up are the five who waited longest (signed up 11th to 15th).
    const promoted = await Promise.all(tokens.slice(10, 16).map((t) => http('GET', `/api/activities/${activityId}`, t)))
    const statuses = promoted.map(
      (p) => (p.body as unknown as { activity: { mySignup: { status: string } } }).activity.mySignup.status,
    )
    expect(statuses).toEqual(['confirmed', 'confirmed', 'confirmed', 'confirmed', 'confirmed', 'waitlisted'])
  })

  it('50 concurrent double-taps by one member give one sign-up', async () => {
    const activityId = await newActivity(5)
    const [token] = await members(`double-${kind}`, 1)
    const answers = await Promise.all(
      Array.from({ length: 50 }, () => http('POST', `/api/activities/${activityId}/signups`, token!)),
    )
    expect(answers.filter((a) => a.status === 201)).toHaveLength(1)
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1)
    expect((await stored(activityId)).confirmed).toBe(1)
  })
})
