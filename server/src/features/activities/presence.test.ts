import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { servedHours } from './presence'

describe('hours served', () => {
  const span = ['2026-11-28T01:00:00Z', '2026-11-28T04:00:00Z'] as const
  it('are the time between check-in and check-out inside the activity, to the hundredth', () => {
    expect(servedHours('2026-11-28T01:10:00Z', '2026-11-28T02:30:00Z', ...span)).toBe(1.33)
    expect(servedHours('2026-11-28T00:40:00Z', '2026-11-28T05:30:00Z', ...span)).toBe(3)
    expect(servedHours('2026-11-28T04:10:00Z', '2026-11-28T04:20:00Z', ...span)).toBe(0)
  })
})

describe.each(DB_KINDS)('presence and hours at a volunteer activity on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>
  let activityId: string
  const place = { lat: 23.6671, lng: 116.6449 }

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    tokens = await api.signInEach('pr-', [
      ['staff', 'staff', 'cm_paifang'],
      ['staffJiadi', 'staff', 'cm_jiadi'],
      ['lin', 'member', 'cm_paifang'],
      ['wu', 'member', 'cm_paifang'],
      ['cai', 'member', 'cm_paifang'],
    ])
    const res = await api.call('POST', '/api/activities', tokens.staff, {
      title: '太平路文明劝导',
      kind: 'civility',
      description: '劝导游客文明旅游。',
      communityId: 'cm_paifang',
      address: '潮州市湘桥区太平路 120 号',
      ...place,
      startsAt: '2026-11-28T01:00:00Z',
      endsAt: '2026-11-28T04:00:00Z',
      volunteersNeeded: 2,
    })
    activityId = res.json().activity.id
    // A second apart, as people sign up: the attendance lists them in sign-up order, which equal times leave open.
    for (const who of ['lin', 'wu', 'cai']) {
      await api.call('POST', `/api/activities/${activityId}/signups`, tokens[who])
      now = new Date(now.getTime() + 1000)
    }
  })
  afterAll(() => api.close())

  const at = (iso: string) => {
    now = new Date(iso)
  }
  const code = async () => (await api.call('GET', `/api/activities/${activityId}/checkin-code`, tokens.staff)).json()
  const scan = async (who: string, body: object) =>
    api.call('POST', `/api/activities/${activityId}/checkins`, tokens[who], { code: (await code()).code, ...body })
  const memberIdOf = async (who: string) =>
    (await api.call('GET', '/api/me/member', tokens[who])).json().member.id as string

  it('shows the rotating code to staff of its community only', async () => {
    expect((await api.call('GET', `/api/activities/${activityId}/checkin-code`, tokens.staffJiadi)).statusCode).toBe(
      403,
    )
    expect((await api.call('GET', `/api/activities/${activityId}/checkin-code`, tokens.lin)).statusCode).toBe(403)
    expect(await code()).toMatchObject({ code: expect.stringContaining(activityId), expiresAt: expect.any(String) })
  })

  it('checks confirmed volunteers in and out on the spot and counts their hours inside the activity', async () => {
    at('2026-11-27T01:00:00Z')
    const early = await scan('lin', { direction: 'in' })
    expect(early.json().error.code).toBe('CHECKIN_CLOSED')

    at('2026-11-28T00:45:00Z')
    expect((await scan('cai', { direction: 'in' })).json().error.code).toBe('NOT_BOOKED')
    const forged = await api.call('POST', `/api/activities/${activityId}/checkins`, tokens.lin, {
      code: `${activityId}.1.nope`,
      direction: 'in',
    })
    expect(forged.statusCode).toBe(400)
    const far = await scan('lin', { direction: 'in', lat: 23.68, lng: 116.66 })
    expect(far.statusCode).toBe(403)
    expect(far.json().error.code).toBe('TOO_FAR_TO_CHECK_IN')
    expect((await scan('lin', { direction: 'out' })).json().error.code).toBe('CHECKIN_CLOSED')

    const arrived = await scan('lin', { direction: 'in', ...place })
    expect(arrived.statusCode).toBe(200)
    expect(arrived.json().activity.mySignup).toMatchObject({ checkedInAt: '2026-11-28T00:45:00.000Z', hours: null })
    at('2026-11-28T00:50:00Z')
    expect((await scan('lin', { direction: 'in', ...place })).json().activity.mySignup.checkedInAt).toBe(
      '2026-11-28T00:45:00.000Z',
    )
    await scan('wu', { direction: 'in' })

    at('2026-11-28T02:30:00Z')
    const left = await scan('lin', { direction: 'out', ...place })
    expect(left.json().activity.mySignup).toMatchObject({ checkedOutAt: '2026-11-28T02:30:00.000Z', hours: 1.5 })
    at('2026-11-28T05:00:00Z')
    expect((await scan('wu', { direction: 'out' })).json().activity.mySignup.hours).toBe(3)
    at('2026-11-28T06:30:00Z')
    expect((await scan('wu', { direction: 'out' })).json().error.code).toBe('CHECKIN_CLOSED')
  })

  it('lets staff of its community read the attendance with names and hours, also as CSV', async () => {
    expect((await api.call('GET', `/api/activities/${activityId}/attendance`, tokens.staffJiadi)).statusCode).toBe(403)
    const items = (await api.call('GET', `/api/activities/${activityId}/attendance`, tokens.staff)).json().items
    expect(
      items.map((r: { nickname: string; status: string; hours: number | null }) => [r.nickname, r.status, r.hours]),
    ).toEqual([
      ['lin', 'confirmed', 1.5],
      ['wu', 'confirmed', 3],
      ['cai', 'waitlisted', null],
    ])
    expect(items[0]).toMatchObject({ locationVerified: true, realName: expect.any(String) })
    expect(items[1].locationVerified).toBe(false)
    const csv = await api.call('GET', `/api/activities/${activityId}/attendance.csv`, tokens.staff)
    expect(csv.headers['content-type']).toContain('text/csv')
    expect(csv.body.split('\r\n')[1]).toContain(',lin,confirmed,,')
  })

  it('lets staff set hours by hand with a reason (0–24, audited), kept over later scans', async () => {
    const lin = await memberIdOf('lin')
    const url = `/api/activities/${activityId}/signups/${lin}`
    const noReason = await api.call('PATCH', url, tokens.staff, { hours: 2.5 })
    expect(noReason.statusCode).toBe(400)
    expect(noReason.json().error.details[0].field).toBe('reason')
    expect((await api.call('PATCH', url, tokens.staff, { hours: 25, reason: '多算' })).statusCode).toBe(400)
    expect((await api.call('PATCH', url, tokens.staffJiadi, { hours: 2.5, reason: '补录' })).statusCode).toBe(403)
    const set = await api.call('PATCH', url, tokens.staff, { hours: 2.5, reason: '忘记签退，现场负责人确认' })
    expect(set.statusCode).toBe(200)
    expect(set.json()).toMatchObject({ nickname: 'lin', hours: 2.5, hoursReason: '忘记签退，现场负责人确认' })
    const audit = await api.database.db
      .selectFrom('audit_log')
      .select('detail_json')
      .where('entity', '=', 'activity_signup')
      .where('action', '=', 'set_hours')
      .execute()
    expect(audit.map((a) => JSON.parse(a.detail_json))).toContainEqual({
      before: 1.5,
      hours: 2.5,
      reason: '忘记签退，现场负责人确认',
    })
    expect((await api.call('PATCH', url, tokens.staff, { hours: 2 })).json()).toMatchObject({ hours: 2 })
    const cai = await memberIdOf('cai')
    const waiting = await api.call('PATCH', `/api/activities/${activityId}/signups/${cai}`, tokens.staff, {
      hours: 1,
      reason: '候补',
    })
    expect(waiting.statusCode).toBe(409)
    expect(
      (
        await api.call('PATCH', `/api/activities/${activityId}/signups/mb_nobody`, tokens.staff, {
          hours: 1,
          reason: '无',
        })
      ).statusCode,
    ).toBe(404)
  })

  it('puts confirmed activity hours on the member record, newest first and paged; waiting or absent counts nothing', async () => {
    const record = (who: string, query = '') =>
      api.call('GET', `/api/me/member/record${query}`, tokens[who]).then((r) => r.json())
    expect(await record('lin')).toMatchObject({
      activities: 1,
      hoursServed: 2,
      items: [{ kind: 'activity', id: activityId, title: '太平路文明劝导', hours: 2 }],
      nextCursor: null,
    })
    expect(await record('cai')).toMatchObject({ activities: 0, hoursServed: 0, items: [] })
    const { id } = (
      await api.call('POST', '/api/activities', tokens.staff, {
        title: '第二场劝导',
        kind: 'civility',
        description: '劝导游客文明旅游。',
        communityId: 'cm_paifang',
        address: '潮州市湘桥区太平路 120 号',
        ...place,
        startsAt: '2026-11-29T01:00:00Z',
        endsAt: '2026-11-29T02:00:00Z',
        volunteersNeeded: 2,
      })
    ).json().activity
    at('2026-11-28T07:00:00Z')
    await api.call('POST', `/api/activities/${id}/signups`, tokens.lin)
    await api.call('PATCH', `/api/activities/${id}/signups/${await memberIdOf('lin')}`, tokens.staff, {
      hours: 1,
      reason: '补录',
    })
    const first = await record('lin', '?limit=1')
    expect(first).toMatchObject({ activities: 2, hoursServed: 3, items: [{ id, hours: 1 }] })
    expect((await record('lin', `?limit=1&cursor=${first.nextCursor}`)).items).toMatchObject([{ id: activityId }])
  })
})
