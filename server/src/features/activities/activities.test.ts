import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

describe.each(DB_KINDS)('volunteer activities on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    tokens = await api.signInEach('act-', [
      ['staff', 'staff', 'cm_paifang'],
      ['staffJiadi', 'staff', 'cm_jiadi'],
      ['district', 'staff'],
      ['lin', 'member', 'cm_paifang'],
      ['wu', 'member', 'cm_jiadi'],
      ['cai', 'member', 'cm_paifang'],
      ['pending', 'resident'],
      ['tourist', 'tourist'],
    ])
    const registered = await api.call('POST', '/api/members', tokens.pending, {
      realName: '郑未审',
      phone: '13800001111',
      workUnit: '潮州市某单位',
      branch: '第一支部',
      communityId: 'cm_paifang',
    })
    expect(registered.statusCode).toBe(201)
  })
  afterAll(() => api.close())
  afterEach(() => {
    now = new Date('2026-11-25T02:00:00Z')
  })

  const clinic = {
    title: '牌坊街义诊',
    kind: 'clinic',
    description: '社区医生量血压、测血糖，解答用药问题。',
    communityId: 'cm_paifang',
    address: '潮州市湘桥区太平路 120 号',
    lat: 23.6671,
    lng: 116.6449,
    startsAt: '2026-11-28T01:00:00Z',
    endsAt: '2026-11-28T04:00:00Z',
    volunteersNeeded: 2,
  }
  async function publish(fields: Partial<typeof clinic> = {}, token = tokens.staff) {
    const res = await api.call('POST', '/api/activities', token, { ...clinic, ...fields })
    expect(res.statusCode).toBe(201)
    return res.json().activity as { id: string; confirmedCount: number; placesLeft: number }
  }
  const signUp = (id: string, who: string) => api.call('POST', `/api/activities/${id}/signups`, tokens[who])
  const withdraw = (id: string, who: string) => api.call('DELETE', `/api/activities/${id}/signups/me`, tokens[who])
  const noticesOf = (kindOfNotice: string) =>
    api.database.db
      .selectFrom('outbox')
      .innerJoin('users', 'users.id', 'outbox.user_id')
      .select(['users.nickname', 'outbox.payload_json'])
      .where('outbox.kind', '=', kindOfNotice)
      .execute()

  it('lets staff publish for their own community only; anyone lists it; bad input is refused and nothing is written', async () => {
    const before = await api.countRows('activities')
    for (const who of [undefined, 'tourist', 'lin', 'pending']) {
      expect((await api.call('POST', '/api/activities', who && tokens[who], clinic)).statusCode).toBe(who ? 403 : 401)
    }
    const elsewhere = await api.call('POST', '/api/activities', tokens.staffJiadi, clinic)
    expect(elsewhere.statusCode).toBe(403)
    const backwards = await api.call('POST', '/api/activities', tokens.staff, { ...clinic, endsAt: clinic.startsAt })
    expect(backwards.statusCode).toBe(400)
    expect(backwards.json().error.details[0].field).toBe('endsAt')
    expect((await api.call('POST', '/api/activities', tokens.staff, { ...clinic, kind: 'party' })).statusCode).toBe(400)
    expect((await api.call('POST', '/api/activities', tokens.staff, { ...clinic, title: '网赌' })).statusCode).toBe(400)
    expect(await api.countRows('activities')).toBe(before)

    const held = await publish()
    expect(held).toMatchObject({ confirmedCount: 0, placesLeft: 2 })
    const patrol = await publish(
      {
        title: '古城义警巡逻',
        kind: 'patrol',
        communityId: 'cm_jiadi',
        startsAt: '2026-11-26T11:00:00Z',
        endsAt: '2026-11-26T13:00:00Z',
        lat: 23.67,
        lng: 116.65,
      },
      tokens.district,
    )
    const list = await api.call('GET', '/api/activities')
    expect(list.statusCode).toBe(200)
    const ids = list.json().items.map((a: { id: string }) => a.id)
    expect(ids.indexOf(patrol.id)).toBeLessThan(ids.indexOf(held.id))
    const nearest = (await api.call('GET', `/api/activities?lat=${clinic.lat}&lng=${clinic.lng}`)).json().items
    expect(nearest[0]).toMatchObject({ id: held.id, distanceM: 0, communityName: expect.any(String) })
    const clinics = (await api.call('GET', '/api/activities?kind=clinic')).json().items
    expect(clinics.every((a: { kind: string }) => a.kind === 'clinic')).toBe(true)
    const jiadi = (await api.call('GET', '/api/activities?communityId=cm_jiadi')).json().items
    expect(jiadi.map((a: { id: string }) => a.id)).toContain(patrol.id)
    expect(jiadi.every((a: { communityId: string }) => a.communityId === 'cm_jiadi')).toBe(true)

    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await api.call('GET', `/api/activities?limit=1${cursor ? `&cursor=${cursor}` : ''}`)
      ).json()
      expect(page.items.length).toBeLessThanOrEqual(1)
      seen.push(...page.items.map((a) => a.id))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(ids)
    expect((await api.call('GET', '/api/activities?cursor=nonsense')).statusCode).toBe(400)

    const detail = await api.call('GET', `/api/activities/${held.id}`, tokens.lin)
    expect(detail.json().activity).toMatchObject({ title: '牌坊街义诊', volunteersNeeded: 2, mySignup: null })
    expect((await api.call('GET', '/api/activities/ac_nothing')).statusCode).toBe(404)
  })

  it('signs up verified members only: confirmed while places last, then a waitlist that moves up when someone withdraws', async () => {
    const { id } = await publish({ volunteersNeeded: 1 })
    expect((await signUp(id, 'pending')).statusCode).toBe(403)
    expect((await signUp(id, 'tourist')).statusCode).toBe(403)
    expect((await api.call('POST', `/api/activities/${id}/signups`)).statusCode).toBe(401)

    const first = await signUp(id, 'lin')
    expect(first.statusCode).toBe(201)
    expect(first.json()).toMatchObject({ status: 'confirmed', position: null, activity: { placesLeft: 0 } })
    const again = await signUp(id, 'lin')
    expect(again.statusCode).toBe(200)
    expect(again.json().id).toBe(first.json().id)
    expect((await signUp(id, 'wu')).json()).toMatchObject({ status: 'waitlisted', position: 1 })
    expect((await signUp(id, 'cai')).json()).toMatchObject({ status: 'waitlisted', position: 2 })
    expect((await api.call('GET', `/api/activities/${id}`, tokens.cai)).json().activity).toMatchObject({
      waitlistCount: 2,
      mySignup: { status: 'waitlisted', position: 2 },
    })
    const mine = (await api.call('GET', '/api/activities?mine=true', tokens.cai)).json().items
    expect(mine.map((a: { id: string }) => a.id)).toContain(id)
    expect(mine.every((a: { mySignup: object | null }) => a.mySignup !== null)).toBe(true)
    expect((await api.call('GET', '/api/activities?mine=true', tokens.tourist)).json().items).toEqual([])

    const left = await withdraw(id, 'lin')
    expect(left.statusCode).toBe(200)
    expect(left.json()).toMatchObject({ status: 'cancelled', activity: { confirmedCount: 1, mySignup: null } })
    expect((await api.call('GET', `/api/activities/${id}`, tokens.wu)).json().activity.mySignup).toMatchObject({
      status: 'confirmed',
      position: null,
    })
    expect((await api.call('GET', `/api/activities/${id}`, tokens.cai)).json().activity.mySignup.position).toBe(1)
    const promoted = await noticesOf('activity_promoted')
    expect(promoted.filter((n) => JSON.parse(n.payload_json).activityId === id).map((n) => n.nickname)).toEqual(['wu'])
    const inbox = (await api.call('GET', '/api/me/notices', tokens.wu)).json().items
    expect(inbox).toContainEqual(
      expect.objectContaining({ title: '候补成功，报名已确认', link: expect.stringContaining(id) }),
    )

    expect((await withdraw(id, 'lin')).statusCode).toBe(404)
    now = new Date(Date.parse(clinic.startsAt) + 60_000)
    const late = await withdraw(id, 'wu')
    expect(late.statusCode).toBe(409)
    expect(late.json().error.code).toBe('SIGNUP_CLOSED')
    expect((await signUp(id, 'lin')).json().error.code).toBe('SIGNUP_CLOSED')
  })

  it('lets staff of its community change it (not below those confirmed) and cancel it, telling everyone signed up', async () => {
    const { id } = await publish({ volunteersNeeded: 1 })
    await signUp(id, 'lin')
    await signUp(id, 'wu')
    expect((await api.call('PATCH', `/api/activities/${id}`, tokens.staffJiadi, { title: '改名' })).statusCode).toBe(
      403,
    )
    expect((await api.call('PATCH', `/api/activities/${id}`, tokens.staff, {})).statusCode).toBe(400)
    const more = await api.call('PATCH', `/api/activities/${id}`, tokens.staff, {
      volunteersNeeded: 2,
      title: '义诊（加人）',
    })
    expect(more.statusCode).toBe(200)
    expect(more.json().activity).toMatchObject({ title: '义诊（加人）', confirmedCount: 2, waitlistCount: 0 })
    const fewer = await api.call('PATCH', `/api/activities/${id}`, tokens.staff, { volunteersNeeded: 1 })
    expect(fewer.statusCode).toBe(409)
    expect(fewer.json().error.code).toBe('CAPACITY_BELOW_CONFIRMED')

    const moved = await api.call('PATCH', `/api/activities/${id}`, tokens.staff, { startsAt: '2026-11-28T02:00:00Z' })
    expect(moved.json().activity.startsAt).toBe('2026-11-28T02:00:00.000Z')
    const changed = (await noticesOf('activity_changed')).filter((n) => JSON.parse(n.payload_json).activityId === id)
    expect(changed.map((n) => n.nickname).sort()).toEqual(['lin', 'wu'])

    expect((await api.call('POST', `/api/activities/${id}/cancel`, tokens.staffJiadi, {})).statusCode).toBe(403)
    const cancelled = await api.call('POST', `/api/activities/${id}/cancel`, tokens.staff, { reason: '台风天气' })
    expect(cancelled.json().activity.status).toBe('cancelled')
    const told = (await noticesOf('activity_cancelled')).filter((n) => JSON.parse(n.payload_json).activityId === id)
    expect(told.map((n) => n.nickname).sort()).toEqual(['lin', 'wu'])
    const inbox = (await api.call('GET', '/api/me/notices', tokens.lin)).json().items
    expect(inbox).toContainEqual(
      expect.objectContaining({ title: '志愿服务活动已取消', body: expect.stringContaining('台风天气') }),
    )
    expect((await api.call('GET', '/api/activities')).json().items.map((a: { id: string }) => a.id)).not.toContain(id)
    expect((await signUp(id, 'cai')).json().error.code).toBe('ACTIVITY_CANCELLED')
    expect((await api.call('POST', `/api/activities/${id}/cancel`, tokens.staff, {})).statusCode).toBe(409)
  })
})
