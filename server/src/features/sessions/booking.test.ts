import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

/** Seat and waitlist invariants under real concurrent HTTP requests. */
describe.each(DB_KINDS)('lecture booking under concurrency on %s', (kind) => {
  let api: TestApi
  let staff: string
  const now = new Date('2026-11-25T02:00:00Z')

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    staff = (await api.signIn('staff-booking', 'staff')).token
  })
  afterAll(() => api.close())

  const residents = (prefix: string, count: number) =>
    Promise.all(Array.from({ length: count }, async (_, i) => (await api.signIn(`${prefix}-${i}`, 'resident')).token))

  async function newSession(capacity: number): Promise<string> {
    const res = await api.call('POST', '/api/lectures/sessions', staff, {
      topicId: 'tp_antifraud',
      guesthouseId: 'gh_yixing',
      startsAt: '2026-11-27T11:30:00Z',
      endsAt: '2026-11-27T13:00:00Z',
      capacity,
      speaker: '反诈民警',
    })
    expect(res.statusCode).toBe(201)
    return res.json().session.id
  }

  const http = (method: string, path: string, token: string) =>
    fetch(`${api.url}${path}`, { method, headers: { authorization: `Bearer ${token}` } }).then(async (r) => ({
      status: r.status,
      body: (await r.json()) as { booking: { id: string; status: string; position?: number } },
    }))

  async function seatCounts(sessionId: string) {
    const rows = await api.database.db
      .selectFrom('bookings')
      .select(['status', 'waitlist_ticket'])
      .where('session_id', '=', sessionId)
      .execute()
    const session = (await api.app.inject({ method: 'GET', url: `/api/lectures/sessions/${sessionId}` })).json().session
    return {
      confirmed: rows.filter((r) => r.status === 'confirmed').length,
      waitlisted: rows.filter((r) => r.status === 'waitlisted').length,
      session,
    }
  }

  it('300 people booking 30 seats at once: exactly 30 confirmed, 270 waitlisted at positions 1–270', async () => {
    const sessionId = await newSession(30)
    const tokens = await residents(`storm-${kind}`, 300)
    const results = await Promise.all(
      tokens.map((t) => http('POST', `/api/lectures/sessions/${sessionId}/bookings`, t)),
    )

    expect(results.every((r) => r.status === 201)).toBe(true)
    const confirmed = results.filter((r) => r.body.booking.status === 'confirmed')
    const waitlisted = results.filter((r) => r.body.booking.status === 'waitlisted')
    expect(confirmed).toHaveLength(30)
    expect(waitlisted).toHaveLength(270)
    const positions = waitlisted.map((r) => r.body.booking.position).sort((a, b) => (a ?? 0) - (b ?? 0))
    expect(positions).toEqual(Array.from({ length: 270 }, (_, i) => i + 1))

    const counts = await seatCounts(sessionId)
    expect(counts).toMatchObject({ confirmed: 30, waitlisted: 270 })
    expect(counts.session).toMatchObject({ capacity: 30, confirmedCount: 30, waitlistCount: 270, seatsLeft: 0 })
  })

  it('50 concurrent double-taps by one person give one booking', async () => {
    const sessionId = await newSession(10)
    const [token] = await residents(`double-${kind}`, 1)
    const results = await Promise.all(
      Array.from({ length: 50 }, () => http('POST', `/api/lectures/sessions/${sessionId}/bookings`, token!)),
    )
    expect(results.filter((r) => r.status === 201)).toHaveLength(1)
    expect(results.filter((r) => r.status === 200)).toHaveLength(49)
    expect(new Set(results.map((r) => r.body.booking.id)).size).toBe(1)
    expect((await seatCounts(sessionId)).confirmed).toBe(1)
  })

  it('people who cancelled and book again in a rush get their own booking back, seated by the same rule', async () => {
    const sessionId = await newSession(5)
    const returning = await residents(`again-${kind}`, 10)
    const ids = new Map<string, string>()
    for (const t of returning)
      ids.set(t, (await http('POST', `/api/lectures/sessions/${sessionId}/bookings`, t)).body.booking.id)
    for (const t of returning) await http('DELETE', `/api/lectures/sessions/${sessionId}/bookings/me`, t)
    const newcomers = await residents(`fresh-${kind}`, 10)
    const results = await Promise.all(
      [...returning, ...newcomers].map((t) => http('POST', `/api/lectures/sessions/${sessionId}/bookings`, t)),
    )
    expect(results.every((r) => r.status === 201)).toBe(true)
    returning.forEach((t, i) => expect(results[i]!.body.booking.id).toBe(ids.get(t)))
    const counts = await seatCounts(sessionId)
    expect(counts).toMatchObject({ confirmed: 5, waitlisted: 15 })
    const positions = results
      .map((r) => r.body.booking.position)
      .filter((n) => n !== undefined)
      .sort((a, b) => a - b)
    expect(positions).toEqual(Array.from({ length: 15 }, (_, i) => i + 1))
  })

  it('cancellations racing bookings never leave a free seat while someone waits, nor exceed capacity', async () => {
    const sessionId = await newSession(20)
    const first = await residents(`race-a-${kind}`, 40)
    for (const t of first) await http('POST', `/api/lectures/sessions/${sessionId}/bookings`, t)
    const latecomers = await residents(`race-b-${kind}`, 60)
    const cancelling = first.slice(0, 25) // 20 confirmed + 5 waitlisted give their places back…
    await Promise.all([
      ...cancelling.map((t) => http('DELETE', `/api/lectures/sessions/${sessionId}/bookings/me`, t)),
      ...latecomers.map((t) => http('POST', `/api/lectures/sessions/${sessionId}/bookings`, t)), // …while 60 more book
    ])
    const { confirmed, waitlisted, session } = await seatCounts(sessionId)
    expect(confirmed).toBe(20)
    expect(waitlisted).toBe(40 + 60 - 25 - 20)
    expect(session.confirmedCount).toBe(20)

    const tickets = (
      await api.database.db
        .selectFrom('bookings')
        .select('waitlist_ticket')
        .where('session_id', '=', sessionId)
        .where('status', '=', 'waitlisted')
        .execute()
    ).map((r) => Number(r.waitlist_ticket))
    expect(new Set(tickets).size).toBe(tickets.length)
  })
})
