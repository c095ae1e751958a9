import type { CommunityFigures, Stats, Trends, WishBreakdown } from './schemas'
import type { WishStatus } from '../../db/schema'
import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

const WEDNESDAY = new Date('2026-03-04T04:00:00Z')

describe.each(DB_KINDS)('the figures page’s numbers on %s', (kind) => {
  let api: TestApi
  let now = WEDNESDAY
  let staffToken = ''
  let residentToken = ''
  let residentId = ''
  let inserted = 0

  const get = async <T>(url: string, token?: string) => {
    const res = await api.call('GET', url, token)
    expect(res.statusCode).toBe(200)
    return res.json<T>()
  }
  /** A wish straight into the table, in the state it would have reached; confirmed ones at `now`. */
  const wish = async (communityId: string, category: string, status: WishStatus, urgent = false) => {
    inserted += 1
    const at = now.toISOString()
    await api.database.db
      .insertInto('wishes')
      .values({
        id: `wi_fig_${inserted}`,
        resident_id: residentId,
        category,
        title: '修灯',
        description: '楼道灯坏了',
        community_id: communityId,
        contact_phone: null,
        urgent: urgent ? 1 : 0,
        preferred_time: null,
        photos_json: '[]',
        status,
        claimed_by: null,
        confirmed_at: status === 'confirmed' ? at : null,
        created_at: at,
        updated_at: at,
      })
      .execute()
  }
  /** A session at the guesthouse that ended at `now`, with one check-in. */
  const heldSession = async (guesthouseId: string) => {
    inserted += 1
    const end = now.toISOString()
    const start = new Date(now.getTime() - 3600_000).toISOString()
    const db = api.database.db
    await db
      .insertInto('lecture_sessions')
      .values({
        id: `ls_fig_${inserted}`,
        topic_id: 'tp_tea',
        guesthouse_id: guesthouseId,
        starts_at: start,
        ends_at: end,
        capacity: 10,
        speaker: null,
        status: 'scheduled',
        checkin_secret: 'x',
        created_at: start,
        updated_at: start,
      })
      .execute()
    await db
      .insertInto('bookings')
      .values({
        id: `bk_fig_${inserted}`,
        session_id: `ls_fig_${inserted}`,
        user_id: residentId,
        status: 'confirmed',
        waitlist_ticket: null,
        checked_in_at: end,
        created_at: start,
        updated_at: end,
      })
      .execute()
  }
  const category = (b: WishBreakdown, key: string) => b.byCategory.find((c) => c.category === key)!
  const community = (b: WishBreakdown, id: string) => b.byCommunity.find((c) => c.communityId === id)!

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    const staff = await api.signIn('figures-staff', 'staff', { communityId: 'cm_jiadi' })
    const resident = await api.signIn('figures-resident', 'resident', { communityId: 'cm_jiadi' })
    staffToken = staff.token
    residentToken = resident.token
    residentId = resident.user.id
  })
  afterAll(() => api.close())

  it('opens the demo with an urgent wish already solved, in the town’s figures and its community’s', async () => {
    expect((await get<Stats>('/api/stats')).wishes.urgentSolved).toBeGreaterThan(0)
    const district = await api.signIn('figures-district', 'staff')
    const figures = await get<CommunityFigures>('/api/stats/communities', district.token)
    expect(figures.items.find((c) => c.communityId === 'cm_dongmen')!.wishes.urgentSolved).toBeGreaterThan(0)
  })

  it('opens the demo with 响应时效 figures from its wishes’ own times, not 暂无数据', async () => {
    // Reviews of the ten done and three open wishes; claims and solutions of the ten done (server/src/demo/activity.ts).
    expect((await get<Stats>('/api/stats')).responseTimes).toEqual({
      reviewMedianHours: 4,
      claimMedianHours: 8,
      solveMedianHours: 79,
      reviewOnTargetPct: 84.6,
      claimOnTargetPct: 90,
    })
  })

  it('counts wishes on the wall and solved by category and by community, urgent ones solved among the headline numbers', async () => {
    const before = await get<WishBreakdown>('/api/stats/wishes')
    const statsBefore = await get<Stats>('/api/stats')
    expect(before.byCategory.map((c) => c.category)).toEqual([
      'life_help',
      'medical_escort',
      'study_aid',
      'repair',
      'errands',
      'companionship',
      'other',
    ])
    expect(before.byCommunity.map((c) => c.communityId)).toEqual([
      'cm_paifang',
      'cm_jiadi',
      'cm_yixing',
      'cm_xihu',
      'cm_dongmen',
      'cm_xiashuimen',
    ])
    expect(community(before, 'cm_xihu')).toMatchObject({ name: '西湖社区', nameEn: 'West Lake Community' })

    await wish('cm_jiadi', 'repair', 'published')
    await wish('cm_jiadi', 'repair', 'confirmed', true)
    await wish('cm_jiadi', 'repair', 'pending_review') // not on the wall yet
    await wish('cm_jiadi', 'repair', 'rejected')
    await wish('cm_xihu', 'errands', 'fulfilled', true)
    await wish('cm_xihu', 'errands', 'disputed')

    const after = await get<WishBreakdown>('/api/stats/wishes')
    const stats = await get<Stats>('/api/stats')
    const grew = (a: { total: number; solved: number }, b: { total: number; solved: number }) => ({
      total: a.total - b.total,
      solved: a.solved - b.solved,
    })
    expect(grew(category(after, 'repair'), category(before, 'repair'))).toEqual({ total: 2, solved: 1 })
    expect(grew(category(after, 'errands'), category(before, 'errands'))).toEqual({ total: 2, solved: 1 })
    expect(grew(category(after, 'other'), category(before, 'other'))).toEqual({ total: 0, solved: 0 })
    expect(grew(community(after, 'cm_jiadi'), community(before, 'cm_jiadi'))).toEqual({ total: 2, solved: 1 })
    expect(grew(community(after, 'cm_xihu'), community(before, 'cm_xihu'))).toEqual({ total: 2, solved: 1 })
    expect(stats.wishes.urgentSolved - statsBefore.wishes.urgentSolved).toBe(2)
    expect(stats.wishes.fulfilled - statsBefore.wishes.fulfilled).toBe(2)
    const sum = (rows: { total: number }[]) => rows.reduce((n, r) => n + r.total, 0)
    expect(sum(after.byCategory)).toBe(sum(after.byCommunity))
  })

  it('shows a staff user the same figures for their own communities only', async () => {
    const publicBefore = await get<Trends>('/api/stats/trends?weeks=12')
    const mineBefore = await get<Trends>('/api/stats/communities/trends?weeks=12', staffToken)
    expect(mineBefore.items).toHaveLength(12)
    expect(mineBefore.items.map((w) => w.weekStart)).toEqual(publicBefore.items.map((w) => w.weekStart))

    await wish('cm_jiadi', 'study_aid', 'confirmed')
    await wish('cm_xihu', 'study_aid', 'confirmed')
    await heldSession('gh_jiadi') // a lecture counts for its guesthouse's community
    await heldSession('gh_ximalu')
    now = new Date(WEDNESDAY.getTime() + 60_000) // past the public trends' one-minute cache

    const publicAfter = await get<Trends>('/api/stats/trends?weeks=12')
    const mineAfter = await get<Trends>('/api/stats/communities/trends?weeks=12', staffToken)
    expect(publicAfter.items.at(-1)!.wishesSolved - publicBefore.items.at(-1)!.wishesSolved).toBe(2)
    expect(mineAfter.items.at(-1)!.wishesSolved - mineBefore.items.at(-1)!.wishesSolved).toBe(1)
    for (const figure of ['lecturesHeld', 'attendances'] as const) {
      expect(publicAfter.items.at(-1)![figure] - publicBefore.items.at(-1)![figure]).toBe(2)
      expect(mineAfter.items.at(-1)![figure] - mineBefore.items.at(-1)![figure]).toBe(1)
    }

    const mine = await get<WishBreakdown>('/api/stats/communities/wishes', staffToken)
    const everyone = await get<WishBreakdown>('/api/stats/wishes')
    expect(mine.byCommunity).toEqual([community(everyone, 'cm_jiadi')])
    expect(mine.byCategory.reduce((n, c) => n + c.total, 0)).toBe(community(everyone, 'cm_jiadi').total)
  })

  it('keeps the community figures to staff and refuses a bad number of weeks', async () => {
    for (const url of ['/api/stats/communities/trends', '/api/stats/communities/wishes']) {
      expect((await api.call('GET', url)).statusCode).toBe(401)
      expect((await api.call('GET', url, residentToken)).statusCode).toBe(403)
    }
    const bad = await api.call('GET', '/api/stats/communities/trends?weeks=53', staffToken)
    expect(bad.statusCode).toBe(400)
  })
})
