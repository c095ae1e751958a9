import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { purgeExpiredNotices } from './commands'

const DAY_MS = 24 * 3600_000

describe.each(DB_KINDS)('in-app inbox (消息) on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>

  const inbox = async (as: string, query = '') => {
    const res = await api.call('GET', `/api/me/notices${query}`, tokens[as])
    expect(res.statusCode).toBe(200)
    return res.json<{
      items: {
        id: string
        kind: string
        title: string
        titleEn: string
        body: string
        bodyEn: string
        link?: string
        createdAt: string
        readAt: string | null
      }[]
      unread: number
      nextCursor: string | null
    }>()
  }
  /** A session of 工夫茶与非遗 two days ahead at 19:30 Shanghai, for `capacity` people. */
  const newSession = async (capacity: number) => {
    const res = await api.call('POST', '/api/lectures/sessions', tokens.staff, {
      topicId: 'tp_tea',
      guesthouseId: 'gh_jiadi',
      startsAt: '2026-11-27T19:30:00+08:00',
      endsAt: '2026-11-27T21:00:00+08:00',
      capacity,
    })
    expect(res.statusCode).toBe(201)
    return res.json().session.id as string
  }
  const tick = () => (now = new Date(now.getTime() + 60_000))

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    tokens = await api.signInEach('inbox-', [
      ['ana', 'resident'],
      ['bo', 'resident'],
      ['member', 'member', 'cm_jiadi'],
      ['staff', 'staff', 'cm_jiadi'],
    ])
  })
  afterAll(() => api.close())

  it('needs a login', async () => {
    expect((await api.call('GET', '/api/me/notices')).statusCode).toBe(401)
    expect((await api.call('POST', '/api/me/notices/read', undefined, {})).statusCode).toBe(401)
  })

  it('keeps a booking, a waitlist promotion and a changed time in the right person’s inbox, with the page it is about', async () => {
    const sessionId = await newSession(1)
    expect((await api.call('POST', `/api/lectures/sessions/${sessionId}/bookings`, tokens.ana)).statusCode).toBe(201)
    tick()
    expect(
      (await api.call('POST', `/api/lectures/sessions/${sessionId}/bookings`, tokens.bo)).json().booking.status,
    ).toBe('waitlisted')

    const booked = (await inbox('ana')).items[0]!
    expect(booked).toMatchObject({
      kind: 'booking_confirmed',
      title: '预约成功',
      titleEn: 'Booking confirmed',
      body: '「工夫茶与非遗」11月27日 19:30 开讲，您的座位已确认。',
      bodyEn: '"Gongfu tea and intangible heritage" starts 27 Nov 19:30; your seat is confirmed.',
      link: `/features/lectures/pages/session/index?id=${sessionId}`,
      readAt: null,
    })
    expect((await inbox('bo')).items[0]).toMatchObject({ kind: 'booking_waitlisted', title: '已进入候补' })

    tick()
    await api.call('DELETE', `/api/lectures/sessions/${sessionId}/bookings/me`, tokens.ana)
    const promoted = (await inbox('bo')).items[0]!
    expect(promoted).toMatchObject({
      kind: 'waitlist_promoted',
      titleEn: 'You moved up from the waitlist',
      link: `/features/lectures/pages/session/index?id=${sessionId}`,
    })
    expect((await inbox('ana')).items.map((n) => n.kind)).not.toContain('waitlist_promoted')

    tick()
    const moved = await api.app.inject({
      method: 'PATCH',
      url: `/api/lectures/sessions/${sessionId}`,
      payload: { startsAt: '2026-11-27T20:00:00+08:00' },
      headers: { authorization: `Bearer ${tokens.staff}` },
    })
    expect(moved.statusCode).toBe(200)
    expect((await inbox('bo')).items[0]).toMatchObject({
      kind: 'session_changed',
      body: '「工夫茶与非遗」改为 11月27日 20:00 开讲，请留意时间和地点。',
    })
  })

  it('tells the resident their wish was claimed, and only them', async () => {
    const created = await api.call('POST', '/api/wishes', tokens.ana, {
      category: 'repair',
      title: '楼道灯坏了',
      description: '三楼楼道灯不亮，老人晚上上下楼不方便。',
      communityId: 'cm_jiadi',
      contactPhone: '13912345678',
    })
    const wishId = created.json().wish.id as string
    tick()
    await api.call('POST', `/api/wishes/${wishId}/review`, tokens.staff, { decision: 'approve' })
    tick()
    expect((await api.call('POST', `/api/wishes/${wishId}/claim`, tokens.member)).statusCode).toBe(200)

    const [claimed, published] = (await inbox('ana')).items
    expect(published).toMatchObject({ kind: 'wish_published', title: '心愿已上墙' })
    expect(claimed).toMatchObject({
      kind: 'wish_claimed',
      title: '心愿已被认领',
      body: '「楼道灯坏了」已有党员认领，对方会与您联系。',
      bodyEn: 'A party member claimed "楼道灯坏了" and will contact you.',
      link: `/features/wishes/pages/detail/index?id=${wishId}`,
    })
    for (const other of ['bo', 'member', 'staff'])
      expect((await inbox(other)).items.some((n) => n.link?.endsWith(wishId))).toBe(false)
  })

  it('counts what is unread and marks some or all read; another person’s ids change nothing', async () => {
    const before = await inbox('ana')
    expect(before.unread).toBe(before.items.length)
    const [first, second] = before.items
    const someRead = await api.call('POST', '/api/me/notices/read', tokens.ana, { ids: [first!.id] })
    expect(someRead.json()).toEqual({ unread: before.unread - 1 })
    expect((await inbox('ana')).items.find((n) => n.id === first!.id)!.readAt).toBe(now.toISOString())

    const bosUnread = (await inbox('bo')).unread
    const intruding = await api.call('POST', '/api/me/notices/read', tokens.bo, { ids: [second!.id] })
    expect(intruding.json()).toEqual({ unread: bosUnread })
    expect((await inbox('ana')).items.find((n) => n.id === second!.id)!.readAt).toBeNull()
    expect((await api.call('POST', '/api/me/notices/read', tokens.bo)).json()).toEqual({ unread: 0 })
    expect((await inbox('ana')).unread).toBe(before.unread - 1)

    expect((await api.call('POST', '/api/me/notices/read', tokens.ana, {})).json()).toEqual({ unread: 0 })
    expect((await inbox('ana')).items.every((n) => n.readAt !== null)).toBe(true)
    expect((await api.call('POST', '/api/me/notices/read', tokens.ana, { ids: [] })).statusCode).toBe(400)
  })

  it('pages newest first without skipping or repeating, and refuses a forged cursor', async () => {
    const all = (await inbox('ana', '?limit=50')).items
    expect(all.length).toBeGreaterThanOrEqual(3)
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page = await inbox('ana', `?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      seen.push(...page.items.map((n) => n.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(all.map((n) => n.id))
    expect([...all].sort((a, b) => b.createdAt.localeCompare(a.createdAt)).map((n) => n.createdAt)).toEqual(
      all.map((n) => n.createdAt),
    )
    expect((await api.call('GET', '/api/me/notices?cursor=bm90LWEtY3Vyc29y', tokens.ana)).json().error.code).toBe(
      'BAD_REQUEST',
    )
  })

  it('keeps notices 90 days: older ones are no longer shown and the worker’s sweep deletes them', async () => {
    const kept = (await inbox('bo')).items.length
    expect(kept).toBeGreaterThan(0)
    now = new Date(now.getTime() + 89 * DAY_MS)
    tokens.bo = (await api.signIn('inbox-bo', 'resident', { nickname: 'bo' })).token // the old session has long expired
    expect((await inbox('bo')).items).toHaveLength(kept)
    expect(await purgeExpiredNotices(api.database.db, now)).toBe(0)

    now = new Date(now.getTime() + 2 * DAY_MS)
    expect(await inbox('bo')).toEqual({ items: [], unread: 0, nextCursor: null })
    expect(await purgeExpiredNotices(api.database.db, now)).toBeGreaterThanOrEqual(kept)
    expect(await api.database.db.selectFrom('inbox_notices').select('id').execute()).toEqual([])
  })

  it('deletes a person’s notices with their account', async () => {
    tokens.staff = (await api.signIn('inbox-staff', 'staff', { nickname: 'staff', communityId: 'cm_jiadi' })).token
    const carla = await api.signIn('inbox-carla', 'resident', { nickname: 'carla' })
    tokens.carla = carla.token
    const userId = carla.user.id
    const sessionId = await newSessionAfter(now)
    await api.call('POST', `/api/lectures/sessions/${sessionId}/bookings`, tokens.carla)
    expect((await inbox('carla')).items).toHaveLength(1)
    expect((await api.call('DELETE', '/api/me', tokens.carla)).statusCode).toBeLessThan(300)
    expect(
      await api.database.db.selectFrom('inbox_notices').select('id').where('user_id', '=', userId).execute(),
    ).toEqual([])
  })

  /** A session a week after `from` (the clock has moved on by then). */
  async function newSessionAfter(from: Date) {
    const startsAt = new Date(from.getTime() + 7 * DAY_MS)
    const res = await api.call('POST', '/api/lectures/sessions', tokens.staff, {
      topicId: 'tp_tea',
      guesthouseId: 'gh_jiadi',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 3600_000).toISOString(),
      capacity: 5,
    })
    return res.json().session.id as string
  }
})
