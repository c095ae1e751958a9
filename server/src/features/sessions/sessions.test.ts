import { DB_KINDS } from '../../../../tests/support/databases'
import type { TestApi } from '../../../../tests/support/api'
import { lectureSuite, outboxOf } from '../../../../tests/support/lectures'

describe.each(DB_KINDS)('lecture sessions on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>
  const { setNow, newSession } = lectureSuite(kind, (started) => ({ api, tokens } = started))
  const outboxFor = (kindOfNotice: string) => outboxOf(api, kindOfNotice)

  it('books, waitlists, cancels and promotes the head of the waitlist, who is told', async () => {
    const id = await newSession(1)
    expect((await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)).json().booking).toMatchObject({
      status: 'confirmed',
    })
    expect((await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.bo)).json().booking).toMatchObject({
      status: 'waitlisted',
      position: 1,
    })
    expect((await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.cai)).json().booking).toMatchObject({
      status: 'waitlisted',
      position: 2,
    })
    const session = (await api.call('GET', `/api/lectures/sessions/${id}`, tokens.cai)).json().session
    expect(session).toMatchObject({
      capacity: 1,
      confirmedCount: 1,
      waitlistCount: 2,
      seatsLeft: 0,
      myBooking: { status: 'waitlisted', position: 2 },
    })

    expect((await api.call('DELETE', `/api/lectures/sessions/${id}/bookings/me`, tokens.ana)).statusCode).toBe(200)
    const bo = (await api.call('GET', `/api/lectures/sessions/${id}`, tokens.bo)).json().session
    expect(bo.myBooking).toMatchObject({ status: 'confirmed' })
    const cai = (await api.call('GET', `/api/lectures/sessions/${id}`, tokens.cai)).json().session
    expect(cai.myBooking).toMatchObject({ status: 'waitlisted', position: 1 })
    const promoted = await outboxFor('waitlist_promoted')
    expect(promoted.some((n) => JSON.parse(n.payload_json).sessionId === id)).toBe(true)

    const mine = (await api.call('GET', '/api/me/bookings?scope=upcoming', tokens.bo)).json().items
    expect(mine.map((b: { session: { id: string } }) => b.session.id)).toContain(id)
    const waiting = (await api.call('GET', '/api/me/bookings?scope=waitlisted', tokens.cai)).json().items
    expect(waiting.find((b: { session: { id: string } }) => b.session.id === id)).toMatchObject({
      status: 'waitlisted',
      position: 1,
    })
  })

  it('lists my bookings with their sessions and waitlist places, soonest first, past ones newest first', async () => {
    const later = await newSession(1, '2026-11-28T11:30:00Z', '2026-11-28T13:00:00Z')
    const sooner = await newSession(1, '2026-11-27T11:30:00Z', '2026-11-27T13:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${later}/bookings`, tokens.ana)
    await api.call('POST', `/api/lectures/sessions/${later}/bookings`, tokens.bo)
    await api.call('POST', `/api/lectures/sessions/${later}/bookings`, tokens.cai)
    await api.call('POST', `/api/lectures/sessions/${sooner}/bookings`, tokens.cai)
    await api.call('POST', `/api/lectures/sessions/${sooner}/bookings`, tokens.bo)

    type Mine = { sessionId: string; session: { guesthouse: object } }
    const ours = (items: Mine[]) => items.filter((b) => [later, sooner].includes(b.sessionId))
    const caiAll = ours((await api.call('GET', '/api/me/bookings', tokens.cai)).json().items)
    expect(caiAll).toMatchObject([
      {
        sessionId: sooner,
        status: 'confirmed',
        checkedIn: false,
        session: { id: sooner, confirmedCount: 1, waitlistCount: 1, seatsLeft: 0 },
      },
      {
        sessionId: later,
        status: 'waitlisted',
        position: 2,
        session: { id: later, topicId: 'tp_tea', speaker: '林师傅', waitlistCount: 2 },
      },
    ])
    expect(caiAll[0]).not.toHaveProperty('position')
    expect(caiAll[1]?.session.guesthouse).toMatchObject({ id: 'gh_jiadi', distanceM: null })
    const boWaiting = (await api.call('GET', '/api/me/bookings?scope=waitlisted', tokens.bo)).json().items
    expect(ours(boWaiting)).toMatchObject([
      { sessionId: sooner, position: 1 },
      { sessionId: later, position: 1 },
    ])

    setNow('2026-11-29T00:00:00Z')
    const past = ours((await api.call('GET', '/api/me/bookings?scope=past', tokens.cai)).json().items)
    expect(past.map((b) => b.sessionId)).toEqual([later, sooner])
    expect((await api.call('GET', '/api/me/bookings?scope=upcoming', tokens.cai)).json().items).toEqual([])
  })

  it('closes booking and cancelling at the start, and refuses a cancelled session with 409', async () => {
    const id = await newSession(10, '2026-11-25T03:00:00Z', '2026-11-25T04:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)
    setNow('2026-11-25T03:00:00Z')
    expect((await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.bo)).json().error.code).toBe(
      'BOOKING_CLOSED',
    )
    expect((await api.call('DELETE', `/api/lectures/sessions/${id}/bookings/me`, tokens.ana)).statusCode).toBe(409)

    setNow('2026-11-25T02:00:00Z')
    const other = await newSession(10)
    await api.call('POST', `/api/lectures/sessions/${other}/bookings`, tokens.ana)
    const cancelled = await api.call('POST', `/api/lectures/sessions/${other}/cancel`, tokens.staff, {
      reason: '台风停课',
    })
    expect(cancelled.json().session.status).toBe('cancelled')
    const refused = await api.call('POST', `/api/lectures/sessions/${other}/bookings`, tokens.bo)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('SESSION_CANCELLED')
    const told = await outboxFor('session_cancelled')
    expect(told.some((n) => JSON.parse(n.payload_json).reason === '台风停课')).toBe(true)
  })

  it('lets staff resize a session: more seats promote the waitlist, fewer than confirmed is refused', async () => {
    const id = await newSession(1)
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.bo)
    const grown = await api.call('PATCH', `/api/lectures/sessions/${id}`, tokens.staff, { capacity: 2 })
    expect(grown.json().session).toMatchObject({ confirmedCount: 2, waitlistCount: 0 })
    const shrunk = await api.call('PATCH', `/api/lectures/sessions/${id}`, tokens.staff, { capacity: 1 })
    expect(shrunk.statusCode).toBe(409)
    expect(shrunk.json().error.code).toBe('CAPACITY_BELOW_CONFIRMED')
    expect((await api.call('PATCH', `/api/lectures/sessions/${id}`, tokens.ana, { capacity: 50 })).statusCode).toBe(403)
  })

  it('lets staff take the speaker’s name off a session, and those booked are told', async () => {
    const id = await newSession(5)
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)
    const cleared = await api.call('PATCH', `/api/lectures/sessions/${id}`, tokens.staff, { speaker: null })
    expect(cleared.statusCode).toBe(200)
    expect(cleared.json().session.speaker).toBeNull()
    expect((await outboxFor('session_changed')).some((n) => JSON.parse(n.payload_json).sessionId === id)).toBe(true)
  })

  it('lists upcoming sessions with guesthouse, distance and seats; guesthouse pages show their sessions', async () => {
    const list = (await api.call('GET', '/api/lectures/sessions?lat=23.6665&lng=116.644')).json().items
    const demo = list.find((s: { id: string }) => s.id === 'ls_demo_history')
    expect(demo).toMatchObject({ topicTitle: '潮州历史文化', guesthouse: { name: '甲第巷·古厝客栈' }, capacity: 20 })
    expect(demo.guesthouse.distanceM).toBeGreaterThan(0)
    const byTopic = (await api.call('GET', '/api/lectures/sessions?topicId=tp_antifraud')).json().items
    expect(byTopic.every((s: { topicId: string }) => s.topicId === 'tp_antifraud')).toBe(true)
    const house = (await api.call('GET', '/api/guesthouses/gh_jiadi')).json()
    expect(house.guesthouse.name).toBe('甲第巷·古厝客栈')
    expect(house.sessions.every((s: { guesthouse: { id: string } }) => s.guesthouse.id === 'gh_jiadi')).toBe(true)
    expect((await api.call('GET', '/api/guesthouses')).json().items.length).toBeGreaterThanOrEqual(5)
    expect((await api.call('GET', '/api/lectures/sessions?from=yesterday')).statusCode).toBe(400)
  })

  it('refuses staff actions from residents and tourists, and a session that ends before it starts', async () => {
    const body = {
      topicId: 'tp_tea',
      guesthouseId: 'gh_jiadi',
      startsAt: '2026-11-26T11:30:00Z',
      endsAt: '2026-11-26T13:00:00Z',
      capacity: 5,
    }
    expect((await api.call('POST', '/api/lectures/sessions', tokens.ana, body)).statusCode).toBe(403)
    expect((await api.call('POST', '/api/lectures/sessions', tokens.tourist, body)).statusCode).toBe(403)
    expect((await api.call('POST', '/api/lectures/sessions', undefined, body)).statusCode).toBe(401)
    expect(
      (await api.call('POST', '/api/lectures/sessions', tokens.staff, { ...body, endsAt: '2026-11-26T10:00:00Z' }))
        .statusCode,
    ).toBe(400)
    expect(
      (await api.call('POST', '/api/lectures/sessions', tokens.staff, { ...body, guesthouseId: 'gh_none' })).statusCode,
    ).toBe(404)
  })

  it('schedules and reschedules only from a day ago to a year ahead, ending after the start and within 8 hours', async () => {
    const body = { topicId: 'tp_tea', guesthouseId: 'gh_jiadi', capacity: 5 }
    const schedule = (startsAt: string, endsAt: string) =>
      api.call('POST', '/api/lectures/sessions', tokens.staff, { ...body, startsAt, endsAt })
    const refusals: [string, string, string, string][] = [
      ['two days ago', '2026-11-23T02:00:00Z', '2026-11-23T03:00:00Z', 'startsAt'],
      ['two years ahead', '2028-11-25T02:00:00Z', '2028-11-25T03:00:00Z', 'startsAt'],
      ['nine hours long', '2026-11-26T01:00:00Z', '2026-11-26T10:00:00Z', 'endsAt'],
      ['ending before it starts', '2026-11-26T11:30:00Z', '2026-11-26T10:00:00Z', 'endsAt'],
    ]
    for (const [, startsAt, endsAt, field] of refusals) {
      const res = await schedule(startsAt, endsAt)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.details).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ field, message: expect.any(String), messageEn: expect.any(String) }),
        ]),
      )
    }
    expect((await schedule('2026-11-24T12:00:00Z', '2026-11-24T13:00:00Z')).statusCode).toBe(201)
    expect((await schedule('2027-11-20T11:30:00Z', '2027-11-20T19:30:00Z')).statusCode).toBe(201)

    // A change may send one of the two times: it is checked against the stored other one.
    const id = await newSession(5, '2026-11-26T11:30:00Z', '2026-11-26T13:00:00Z')
    const patch = (change: object) => api.call('PATCH', `/api/lectures/sessions/${id}`, tokens.staff, change)
    const tooLong = await patch({ endsAt: '2026-11-26T20:00:00Z' })
    expect(tooLong.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [{ field: 'endsAt', message: '一场讲座最长 8 小时' }],
    })
    expect((await patch({ startsAt: '2026-11-26T13:30:00Z' })).json().error.details).toEqual([
      expect.objectContaining({ field: 'endsAt', messageEn: 'must be after startsAt' }),
    ])
    expect((await patch({ startsAt: '2028-11-26T11:30:00Z' })).statusCode).toBe(400)
    const moved = await patch({ startsAt: '2026-11-26T12:00:00Z' })
    expect(moved.json().session).toMatchObject({
      startsAt: '2026-11-26T12:00:00.000Z',
      endsAt: '2026-11-26T13:00:00.000Z',
    })
  })
})
