import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

type Week = {
  weekStart: string
  wishesSolved: number
  lecturesHeld: number
  attendances: number
  membersVerified: number
  activitiesHeld: number
  volunteerHours: number
}

// Monday 2 March 2026 00:00 in Shanghai is Sunday 1 March 16:00 UTC.
const SUNDAY_2330 = new Date('2026-03-01T15:30:00Z')
const MONDAY_0030 = new Date('2026-03-01T16:30:00Z')
const WEDNESDAY = new Date('2026-03-04T04:00:00Z')

describe.each(DB_KINDS)('weekly trends on %s', (kind) => {
  let api: TestApi
  let now = WEDNESDAY
  let logins = 0

  const trends = async (query: string) => {
    const res = await api.app.inject({ method: 'GET', url: `/api/stats/trends${query}` })
    expect(res.statusCode).toBe(200)
    return res.json().items as Week[]
  }
  const minus = (after: Week[], before: Week[]) =>
    after.map((w, i) => ({
      weekStart: w.weekStart,
      wishesSolved: w.wishesSolved - before[i]!.wishesSolved,
      lecturesHeld: w.lecturesHeld - before[i]!.lecturesHeld,
      attendances: w.attendances - before[i]!.attendances,
      membersVerified: w.membersVerified - before[i]!.membersVerified,
    }))

  /** At `at`: a member verified by staff, a wish confirmed, a session ended with one check-in. */
  async function eventsAt(at: Date) {
    now = at
    logins += 1
    const resident = await api.signIn(`trend-resident-${logins}`, 'resident', { communityId: 'cm_jiadi' })
    const staff = await api.signIn(`trend-staff-${logins}`, 'staff', { communityId: 'cm_jiadi' })
    const registered = await api.call('POST', '/api/members', resident.token, {
      realName: '陈党员',
      phone: '13700000000',
      workUnit: '市直单位',
      branch: '第一支部',
      communityId: 'cm_jiadi',
    })
    const memberId = registered.json().member.id as string
    const verified = await api.call('POST', `/api/members/${memberId}/verify`, staff.token, { decision: 'verify' })
    expect(verified.statusCode).toBe(200)
    const db = api.database.db
    const iso = at.toISOString()
    await db
      .insertInto('wishes')
      .values({
        id: `wi_trend_${logins}`,
        resident_id: resident.user.id,
        category: 'repair',
        title: '修灯',
        description: '楼道灯坏了',
        community_id: 'cm_jiadi',
        contact_phone: null,
        urgent: 0,
        preferred_time: null,
        photos_json: '[]',
        status: 'confirmed',
        claimed_by: null,
        confirmed_at: iso,
        created_at: iso,
        updated_at: iso,
      })
      .execute()
    const startsAt = new Date(at.getTime() - 3600_000).toISOString()
    await db
      .insertInto('lecture_sessions')
      .values({
        id: `ls_trend_${logins}`,
        topic_id: 'tp_tea',
        guesthouse_id: 'gh_jiadi',
        starts_at: startsAt,
        ends_at: iso,
        capacity: 10,
        speaker: null,
        status: 'scheduled',
        checkin_secret: 'x',
        created_at: startsAt,
        updated_at: startsAt,
      })
      .execute()
    await db
      .insertInto('bookings')
      .values({
        id: `bk_trend_${logins}`,
        session_id: `ls_trend_${logins}`,
        user_id: resident.user.id,
        status: 'confirmed',
        waitlist_ticket: null,
        checked_in_at: iso,
        created_at: startsAt,
        updated_at: iso,
      })
      .execute()
  }

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
  })
  afterAll(() => api.close())

  it('shows the demo data (seeded on this clock) spread over the past twelve weeks, not flat', async () => {
    const weeks = await trends('?weeks=12')
    expect(weeks.filter((w) => w.wishesSolved > 0).length).toBeGreaterThanOrEqual(4)
    expect(weeks.filter((w) => w.lecturesHeld > 0).length).toBeGreaterThanOrEqual(4)
    expect(weeks.filter((w) => w.membersVerified > 0).length).toBeGreaterThanOrEqual(4)
  })

  it('lists exactly N Monday-start weeks, oldest first, the current week last, zeros included', async () => {
    now = new Date('2020-06-10T04:00:00Z') // long before any data
    const weeks = await trends('?weeks=52')
    expect(weeks).toHaveLength(52)
    expect(weeks.at(-1)!.weekStart).toBe('2020-06-08')
    expect(weeks[0]!.weekStart).toBe('2019-06-17')
    for (const w of weeks) {
      expect(new Date(`${w.weekStart}T00:00:00Z`).getUTCDay()).toBe(1)
      expect(w).toMatchObject({ wishesSolved: 0, lecturesHeld: 0, attendances: 0, membersVerified: 0 })
    }
    expect(await trends('')).toHaveLength(12)
    expect((await trends('?weeks=1')).map((w) => w.weekStart)).toEqual(['2020-06-08'])
  })

  it('puts Sunday 23:30 and Monday 00:30 Shanghai time in different weeks', async () => {
    now = WEDNESDAY
    const before = await trends('?weeks=2')
    expect(before.map((w) => w.weekStart)).toEqual(['2026-02-23', '2026-03-02'])
    await eventsAt(SUNDAY_2330)
    await eventsAt(MONDAY_0030)
    await eventsAt(MONDAY_0030)
    now = new Date(WEDNESDAY.getTime() + 60_000) // past the one-minute cache
    const after = await trends('?weeks=2')
    expect(minus(after, before)).toEqual([
      { weekStart: '2026-02-23', wishesSolved: 1, lecturesHeld: 1, attendances: 1, membersVerified: 1 },
      { weekStart: '2026-03-02', wishesSolved: 2, lecturesHeld: 2, attendances: 2, membersVerified: 2 },
    ])
  })

  it('counts activities held by their end and volunteer hours as the member record does, per community for staff', async () => {
    // Monday 6 April 2026 00:00 in Shanghai is Sunday 5 April 16:00 UTC.
    const at = (iso: string) => new Date(iso).toISOString()
    now = new Date('2026-04-08T04:00:00Z')
    const staff = await api.signIn('trend-volunteer-staff', 'staff', { communityId: 'cm_jiadi' })
    const volunteers = await Promise.all(
      [1, 2, 3, 4, 5].map(async (i) => (await api.signIn(`trend-volunteer-${i}`, 'resident')).user.id),
    )
    const figures = async (token?: string) => {
      const res = await api.call('GET', `/api/stats${token ? '/communities' : ''}/trends?weeks=2`, token)
      expect(res.statusCode).toBe(200)
      return (res.json().items as Week[]).map(({ weekStart, activitiesHeld, volunteerHours }) => ({
        weekStart,
        activitiesHeld,
        volunteerHours,
      }))
    }
    const [publicBefore, jiadiBefore] = [await figures(), await figures(staff.token)]
    const db = api.database.db
    let activities = 0
    const activity = async (
      community: string,
      startsAt: string,
      endsAt: string,
      status: 'scheduled' | 'cancelled' = 'scheduled',
    ) => {
      const id = `ac_trend_${++activities}`
      await db
        .insertInto('activities')
        .values({
          id,
          title: '环境卫生整治',
          kind: 'cleanup',
          description: '清扫古城街巷',
          community_id: community,
          address: '南大街',
          lat: 37.2,
          lng: 112.18,
          starts_at: at(startsAt),
          ends_at: at(endsAt),
          volunteers_needed: 10,
          status,
          checkin_secret: 'x',
          created_by: staff.user.id,
          created_at: at(startsAt),
          updated_at: at(startsAt),
        })
        .execute()
      return id
    }
    const signup = (
      activityId: string,
      who: number,
      status: 'confirmed' | 'waitlisted' | 'cancelled',
      hours: number | null,
    ) =>
      db
        .insertInto('activity_signups')
        .values({
          id: `${activityId}_${who}`,
          activity_id: activityId,
          user_id: volunteers[who]!,
          status,
          waitlist_ticket: status === 'waitlisted' ? 1 : null,
          checked_in_at: null,
          checked_out_at: null,
          hours,
          hours_reason: null,
          hours_set_by: null,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
        })
        .execute()
    const wish = (community: string, status: 'confirmed' | 'disputed', confirmedAt: string, hours: number) =>
      db
        .insertInto('wishes')
        .values({
          id: `wi_trend_hours_${status}_${community}`,
          resident_id: volunteers[4]!,
          category: 'repair',
          title: '修灯',
          description: '楼道灯坏了',
          community_id: community,
          contact_phone: null,
          urgent: 0,
          preferred_time: null,
          photos_json: '[]',
          status,
          claimed_by: volunteers[0]!,
          hours_served: hours,
          confirmed_at: at(confirmedAt),
          created_at: at(confirmedAt),
          updated_at: at(confirmedAt),
        })
        .execute()

    // Week of 30 March, in 嘉地: held Sunday evening; 2 + 1.5 confirmed hours; no hours yet, cancelled and waitlisted count nothing.
    const sunday = await activity('cm_jiadi', '2026-04-05T13:00:00Z', '2026-04-05T15:00:00Z')
    await signup(sunday, 0, 'confirmed', 2)
    await signup(sunday, 1, 'confirmed', 1.5)
    await signup(sunday, 2, 'confirmed', null)
    await signup(sunday, 3, 'cancelled', 3)
    await signup(sunday, 4, 'waitlisted', 3)
    // Week of 6 April: held in 西湖 just after midnight Monday; a cancelled one and one still going are not held.
    await signup(await activity('cm_xihu', '2026-04-05T16:10:00Z', '2026-04-05T18:00:00Z'), 0, 'confirmed', 1.75)
    await activity('cm_jiadi', '2026-04-06T01:00:00Z', '2026-04-06T03:00:00Z', 'cancelled')
    await activity('cm_jiadi', '2026-04-08T03:00:00Z', '2026-04-08T05:00:00Z')
    // A wish confirmed fulfilled counts its hours in the week it was confirmed; a disputed one counts nothing.
    await wish('cm_jiadi', 'confirmed', '2026-04-06T02:00:00Z', 2.25)
    await wish('cm_jiadi', 'disputed', '2026-04-06T02:00:00Z', 5)
    now = new Date(now.getTime() + 60_000) // past the public trends' one-minute cache

    const added = (after: Awaited<ReturnType<typeof figures>>, before: typeof after) =>
      after.map((w, i) => ({
        weekStart: w.weekStart,
        activitiesHeld: w.activitiesHeld - before[i]!.activitiesHeld,
        volunteerHours: Math.round((w.volunteerHours - before[i]!.volunteerHours) * 100) / 100,
      }))
    expect(added(await figures(), publicBefore)).toEqual([
      { weekStart: '2026-03-30', activitiesHeld: 1, volunteerHours: 3.5 },
      { weekStart: '2026-04-06', activitiesHeld: 1, volunteerHours: 4 },
    ])
    expect(added(await figures(staff.token), jiadiBefore)).toEqual([
      { weekStart: '2026-03-30', activitiesHeld: 1, volunteerHours: 3.5 },
      { weekStart: '2026-04-06', activitiesHeld: 0, volunteerHours: 2.25 },
    ])
  })

  it('refuses a number of weeks outside 1–52', async () => {
    for (const weeks of ['0', '53', 'abc', '2.5']) {
      const res = await api.app.inject({ method: 'GET', url: `/api/stats/trends?weeks=${weeks}` })
      expect(res.statusCode).toBe(400)
      expect(res.json().error).toMatchObject({
        code: expect.any(String),
        message: expect.any(String),
        messageEn: expect.any(String),
      })
    }
  })
})
