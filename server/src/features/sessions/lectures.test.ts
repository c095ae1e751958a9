import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

describe.each(DB_KINDS)('micro-lectures on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    tokens = await api.signInEach('lec-', [
      ['staff', 'staff'],
      ['ana', 'resident'],
      ['bo', 'resident'],
      ['cai', 'resident'],
      ['tourist', 'tourist'],
    ])
  })
  afterAll(() => api.close())
  afterEach(() => {
    now = new Date('2026-11-25T02:00:00Z')
  })

  async function newSession(capacity: number, startsAt = '2026-11-26T11:30:00Z', endsAt = '2026-11-26T13:00:00Z') {
    const res = await api.call('POST', '/api/lectures/sessions', tokens.staff, {
      topicId: 'tp_tea',
      guesthouseId: 'gh_jiadi',
      startsAt,
      endsAt,
      capacity,
      speaker: '林师傅',
    })
    expect(res.statusCode).toBe(201)
    return res.json().session.id as string
  }
  const outboxFor = (kindOfNotice: string) =>
    api.database.db.selectFrom('outbox').select(['user_id', 'payload_json']).where('kind', '=', kindOfNotice).execute()

  it('lets staff add and edit guesthouses and topics, which residents then see; others are refused and nothing changes', async () => {
    const place = {
      communityId: 'cm_paifang',
      name: '太平路·骑楼书院',
      address: '潮州市湘桥区太平路 120 号',
      lat: 23.6671,
      lng: 116.6449,
      roomsNote: '二楼，可坐 18 人',
    }
    for (const who of [undefined, 'tourist', 'ana']) {
      expect((await api.call('POST', '/api/guesthouses', who && tokens[who], place)).statusCode).toBe(who ? 403 : 401)
      expect(
        (
          await api.call('POST', '/api/lectures/topics', who && tokens[who], {
            title: '防溺水',
            description: '夏季安全',
          })
        ).statusCode,
      ).toBe(who ? 403 : 401)
    }
    expect((await api.call('POST', '/api/guesthouses', tokens.staff, { ...place, lat: 123 })).statusCode).toBe(400)
    expect(
      (await api.call('POST', '/api/guesthouses', tokens.staff, { ...place, photos: ['/api/uploads/up_nothing'] }))
        .statusCode,
    ).toBe(400)
    expect((await api.call('GET', '/api/guesthouses')).json().items.map((g: { name: string }) => g.name)).not.toContain(
      place.name,
    )

    const created = await api.call('POST', '/api/guesthouses', tokens.staff, place)
    expect(created.statusCode).toBe(201)
    const { guesthouse } = created.json()
    expect(guesthouse).toMatchObject({
      communityId: 'cm_paifang',
      name: place.name,
      roomsNote: '二楼，可坐 18 人',
      photos: [],
    })
    const edited = await api.call('PATCH', `/api/guesthouses/${guesthouse.id}`, tokens.staff, {
      roomsNote: '二楼，可坐 20 人',
    })
    expect(edited.json().guesthouse).toMatchObject({ name: place.name, roomsNote: '二楼，可坐 20 人' })
    expect((await api.call('PATCH', '/api/guesthouses/gh_nowhere', tokens.staff, { name: '无' })).statusCode).toBe(404)
    expect((await api.call('GET', '/api/guesthouses')).json().items.map((g: { id: string }) => g.id)).toContain(
      guesthouse.id,
    )

    const topic = await api.call('POST', '/api/lectures/topics', tokens.staff, {
      title: '防溺水安全',
      description: '暑期前给家长和孩子讲讲韩江边的安全。',
    })
    expect(topic.statusCode).toBe(201)
    expect(topic.json().topic).toMatchObject({ title: '防溺水安全', titleEn: '防溺水安全', orderCount: 0 })
    const renamed = await api.call('PATCH', `/api/lectures/topics/${topic.json().topic.id}`, tokens.staff, {
      titleEn: 'Water safety',
    })
    expect(renamed.json().topic).toMatchObject({ title: '防溺水安全', titleEn: 'Water safety' })
    const menu = (await api.call('GET', '/api/lectures/topics')).json().items
    expect(menu.at(-1)).toMatchObject({ title: '防溺水安全' })
    const log = await api.database.db
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity', 'in', ['guesthouse', 'lecture_topic'])
      .execute()
    expect(log).toEqual(
      expect.arrayContaining([
        { entity: 'guesthouse', action: 'create' },
        { entity: 'guesthouse', action: 'update' },
        { entity: 'lecture_topic', action: 'create' },
      ]),
    )
  })

  it('shows the topic menu with demand; one order per person, counted once', async () => {
    const before = (await api.call('GET', '/api/lectures/topics')).json().items
    expect(before.map((t: { title: string }) => t.title)).toEqual(
      expect.arrayContaining(['反诈宣传', '工夫茶与非遗', '潮州历史文化']),
    )
    const start = before.find((t: { id: string }) => t.id === 'tp_waste').orderCount
    expect(
      (
        await api.call('POST', '/api/lectures/topics/tp_waste/orders', tokens.ana, {
          preferredTime: 'evening',
          area: '甲第巷',
        })
      ).json().topic,
    ).toMatchObject({
      orderCount: start + 1,
      orderedByMe: true,
    })
    const again = await api.call('POST', '/api/lectures/topics/tp_waste/orders', tokens.ana, {
      preferredTime: 'morning',
    })
    expect(again.json().topic.orderCount).toBe(start + 1)
    expect((await api.call('POST', '/api/lectures/topics/tp_waste/orders')).statusCode).toBe(401)
    expect((await api.call('POST', '/api/lectures/topics/tp_nothing/orders', tokens.ana, {})).statusCode).toBe(404)
    const demand = (await api.call('GET', '/api/lectures/topics/demand', tokens.staff)).json().items
    expect(demand.find((d: { topicId: string }) => d.topicId === 'tp_waste')).toMatchObject({
      orders: start + 1,
      byTime: { morning: 1 },
    })
    expect((await api.call('GET', '/api/lectures/topics/demand', tokens.ana)).statusCode).toBe(403)
  })

  it('scheduling a topic notifies the residents who ordered it', async () => {
    await api.call('POST', '/api/lectures/topics/tp_tea/orders', tokens.bo, {})
    const id = await newSession(5)
    const notices = await outboxFor('topic_scheduled')
    expect(notices.some((n) => JSON.parse(n.payload_json).sessionId === id)).toBe(true)
  })

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

    now = new Date('2026-11-29T00:00:00Z')
    const past = ours((await api.call('GET', '/api/me/bookings?scope=past', tokens.cai)).json().items)
    expect(past.map((b) => b.sessionId)).toEqual([later, sooner])
    expect((await api.call('GET', '/api/me/bookings?scope=upcoming', tokens.cai)).json().items).toEqual([])
  })

  it('closes booking and cancelling at the start, and refuses a cancelled session with 409', async () => {
    const id = await newSession(10, '2026-11-25T03:00:00Z', '2026-11-25T04:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)
    now = new Date('2026-11-25T03:00:00Z')
    expect((await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.bo)).json().error.code).toBe(
      'BOOKING_CLOSED',
    )
    expect((await api.call('DELETE', `/api/lectures/sessions/${id}/bookings/me`, tokens.ana)).statusCode).toBe(409)

    now = new Date('2026-11-25T02:00:00Z')
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

  it('checks in only with this session’s fresh code, during the session window', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    const other = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)
    await api.call('POST', `/api/lectures/sessions/${other}/bookings`, tokens.ana)
    now = new Date('2026-11-25T11:40:00Z')
    expect((await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.ana)).statusCode).toBe(403)
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()

    const onOther = await api.call('POST', `/api/lectures/sessions/${other}/checkins`, tokens.ana, { code })
    expect(onOther.statusCode).toBe(400)
    expect(onOther.json().error.code).toBe('CHECKIN_CODE_INVALID')
    const forged = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, {
      code: code.replace(/.$/, (c: string) => (c === 'a' ? 'b' : 'a')),
    })
    expect(forged.json().error.code).toBe('CHECKIN_CODE_INVALID')

    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.bo, { code })).json().error.code,
    ).toBe('NOT_BOOKED')
    expect((await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, { code })).statusCode).toBe(201)
    expect((await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, { code })).statusCode).toBe(200)

    now = new Date('2026-11-25T11:43:00Z')
    const stale = await api.call('POST', `/api/lectures/sessions/${other}/checkins`, tokens.ana, {
      code: (await api.call('GET', `/api/lectures/sessions/${other}/checkin-code`, tokens.staff)).json().code,
    })
    expect(stale.statusCode).toBe(201)
    now = new Date('2026-11-25T13:05:00Z')
    const late = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.bo, {
      code: (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json().code,
    })
    expect(late.json().error.code).toBe('CHECKIN_CLOSED')
  })

  it('refuses a check-in code after it expires', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.cai)
    now = new Date('2026-11-25T11:40:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()
    now = new Date('2026-11-25T11:43:00Z')
    const res = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.cai, { code })
    expect(res.json().error.code).toBe('CHECKIN_CODE_EXPIRED')
  })

  it('takes feedback from attendees once, content-checked, and shows staff the averages and attendance CSV', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.ana)
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.bo)
    now = new Date('2026-11-25T11:35:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()
    await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, { code })
    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.bo, { rating: 5 })).json().error.code,
    ).toBe('NOT_ATTENDED')
    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, { rating: 6 })).statusCode,
    ).toBe(400)
    expect(
      (
        await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, {
          rating: 4,
          comment: '加微信带你网赌',
        })
      ).json().error.code,
    ).toBe('CONTENT_REJECTED')
    expect(
      (
        await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, {
          rating: 4,
          comment: '讲得很实在',
        })
      ).statusCode,
    ).toBe(201)
    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, { rating: 1 })).statusCode,
    ).toBe(409)
    const summary = (await api.call('GET', '/api/lectures/feedback/summary', tokens.staff)).json()
    expect(summary.byTopic.find((t: { topicId: string }) => t.topicId === 'tp_tea')).toMatchObject({
      count: 1,
      average: 4,
    })
    expect(summary.bySpeaker).toEqual([{ speaker: '林师傅', average: 4, count: 1 }])

    const csv = await api.call('GET', `/api/lectures/sessions/${id}/attendance.csv`, tokens.staff)
    expect(csv.headers['content-type']).toMatch(/text\/csv/)
    expect(csv.body).toMatch(/ana,confirmed,,2026-11-25T11:35:00.000Z,否 no\r\n/)
    expect(csv.body).toMatch(/bo,confirmed,,,\r\n/)
    expect((await api.call('GET', `/api/lectures/sessions/${id}/attendance.csv`, tokens.ana)).statusCode).toBe(403)
  })

  it('tells the attendee when check-in opens, that they checked in and that their feedback is in, on every later visit', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    const booked = await api.call('POST', `/api/lectures/sessions/${id}/bookings?lat=23.665&lng=116.6475`, tokens.ana)
    expect(booked.json().session).toMatchObject({
      id,
      seatsLeft: 4,
      checkInOpensAt: '2026-11-25T11:00:00.000Z',
      checkInClosesAt: '2026-11-25T13:00:00.000Z',
      myBooking: { status: 'confirmed', checkedIn: false, feedbackGiven: false },
    })
    expect(booked.json().session.guesthouse.distanceM).toEqual(expect.any(Number))
    await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens.bo)
    const cancelled = (await api.call('DELETE', `/api/lectures/sessions/${id}/bookings/me`, tokens.bo)).json()
    expect(cancelled.booking.status).toBe('cancelled')
    expect(cancelled.session).toMatchObject({ seatsLeft: 4, myBooking: null })

    now = new Date('2026-11-25T11:40:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()
    const checkedIn = (await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, { code })).json()
    expect(checkedIn.session.myBooking).toMatchObject({ checkedIn: true, feedbackGiven: false })
    expect((await api.call('GET', `/api/lectures/sessions/${id}`, tokens.ana)).json().session.myBooking).toMatchObject({
      checkedIn: true,
      feedbackGiven: false,
    })

    const feedback = (await api.call('POST', `/api/lectures/sessions/${id}/feedback`, tokens.ana, { rating: 5 })).json()
    expect(feedback).toMatchObject({ rating: 5, session: { myBooking: { checkedIn: true, feedbackGiven: true } } })
    expect((await api.call('GET', `/api/lectures/sessions/${id}`, tokens.ana)).json().session.myBooking).toMatchObject({
      checkedIn: true,
      feedbackGiven: true,
    })
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

  it('writes an attendance CSV in which no nickname starts a formula', async () => {
    const id = await newSession(5)
    const tricky = ['=HYPERLINK("http://evil.example","x")', '+1', '-1', '@SUM(A1)', '\tcmd', '\rcmd']
    for (const [index, nickname] of tricky.entries()) {
      const { token, user } = await api.signIn(`csv-${index}`, 'resident')
      // As a WeChat profile could name them: the dev login trims and limits what it takes.
      await api.database.db.updateTable('users').set({ nickname }).where('id', '=', user.id).execute()
      expect(
        (
          await api.app.inject({
            method: 'POST',
            url: `/api/lectures/sessions/${id}/bookings`,
            headers: { authorization: `Bearer ${token}` },
          })
        ).statusCode,
      ).toBe(201)
    }
    const csv = (await api.call('GET', `/api/lectures/sessions/${id}/attendance.csv`, tokens.staff)).body
    const firstCells = csv
      .split('\r\n')
      .slice(1, -1)
      .map((line) => line.replace(/^"/, ''))
    expect(firstCells).toHaveLength(tricky.length)
    for (const line of firstCells) expect(line.startsWith("'")).toBe(true)
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""x"")",confirmed`)
  })

  it('binds a check-in to presence: near is verified, 2 km away is refused, no position counts but unverified', async () => {
    const id = await newSession(5, '2026-11-25T11:30:00Z', '2026-11-25T13:00:00Z')
    for (const who of ['ana', 'bo', 'cai']) await api.call('POST', `/api/lectures/sessions/${id}/bookings`, tokens[who])
    now = new Date('2026-11-25T11:40:00Z')
    const { code } = (await api.call('GET', `/api/lectures/sessions/${id}/checkin-code`, tokens.staff)).json()
    // gh_jiadi is at 23.66472, 116.64731.
    const near = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.ana, {
      code,
      lat: 23.665,
      lng: 116.6475,
    })
    expect(near.statusCode).toBe(201)
    expect(near.json().locationVerified).toBe(true)
    const far = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.bo, {
      code,
      lat: 23.6827,
      lng: 116.6473,
    })
    expect(far.statusCode).toBe(403)
    expect(far.json().error).toMatchObject({
      code: 'TOO_FAR_TO_CHECK_IN',
      message: expect.stringContaining('米'),
      messageEn: expect.stringContaining('m from the venue'),
    })
    expect(
      (await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.bo, { code, lat: 23.665 })).statusCode,
    ).toBe(400)
    const unlocated = await api.call('POST', `/api/lectures/sessions/${id}/checkins`, tokens.cai, { code })
    expect(unlocated.statusCode).toBe(201)
    expect(unlocated.json().locationVerified).toBe(false)

    const list = (await api.call('GET', `/api/lectures/sessions/${id}/attendance`, tokens.staff)).json().items
    const byName = Object.fromEntries(list.map((r: { nickname: string }) => [r.nickname, r]))
    expect(byName.ana).toMatchObject({ checkedInAt: '2026-11-25T11:40:00.000Z', locationVerified: true })
    expect(byName.bo).toMatchObject({ checkedInAt: null, locationVerified: false })
    expect(byName.cai).toMatchObject({ checkedInAt: '2026-11-25T11:40:00.000Z', locationVerified: false })
    const csv = (await api.call('GET', `/api/lectures/sessions/${id}/attendance.csv`, tokens.staff)).body
    expect(csv).toContain('ana,confirmed,,2026-11-25T11:40:00.000Z,是 yes\r\n')
    expect(csv).toContain('cai,confirmed,,2026-11-25T11:40:00.000Z,否 no\r\n')
  })
})
