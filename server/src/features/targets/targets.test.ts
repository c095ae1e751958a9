import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { untimeDemoWishes } from '../../../../tests/support/wishes'
import { loadConfig } from '../../config'
import { alertOverdueWishes } from './commands'

const HOUR = 3600_000
const targets = { reviewHours: 1.5, claimHours: 2 }

describe('response target settings', () => {
  it('take decimal hours and refuse zero, negatives and words, naming the setting', () => {
    expect(loadConfig({})).toMatchObject({ TARGET_REVIEW_HOURS: 24, TARGET_CLAIM_HOURS: 72 })
    expect(loadConfig({ TARGET_REVIEW_HOURS: '0.5', TARGET_CLAIM_HOURS: '36.5' })).toMatchObject({
      TARGET_REVIEW_HOURS: 0.5,
      TARGET_CLAIM_HOURS: 36.5,
    })
    expect(() => loadConfig({ TARGET_REVIEW_HOURS: '0' })).toThrow(/TARGET_REVIEW_HOURS/)
    expect(() => loadConfig({ TARGET_CLAIM_HOURS: '-3' })).toThrow(/TARGET_CLAIM_HOURS/)
    expect(() => loadConfig({ TARGET_CLAIM_HOURS: 'three days' })).toThrow(/TARGET_CLAIM_HOURS/)
  })
})

describe.each(DB_KINDS)('response targets for wishes on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>
  const later = (hours: number) => (now = new Date(now.getTime() + hours * HOUR))

  beforeAll(async () => {
    api = await startTestApi({
      kind,
      clock: () => now,
      env: { TARGET_REVIEW_HOURS: '1.5', TARGET_CLAIM_HOURS: '2', QUOTA_WISHES_OPEN: '100' },
    })
    await untimeDemoWishes(api)
    tokens = await api.signInEach('t-', [
      ['张秀英', 'resident'],
      ['王党员', 'member', 'cm_jiadi'],
      ['staffHere', 'staff', 'cm_jiadi'],
      ['staffThere', 'staff', 'cm_xihu'],
      ['district', 'staff'],
    ])
  })
  afterAll(() => api.close())

  const submit = async (title: string, communityId: string) => {
    const body = { category: 'repair', title, description: '三楼楼道灯不亮，老人晚上上下楼不方便。', communityId }
    const created = await api.call('POST', '/api/wishes', tokens.张秀英, body)
    expect(created.statusCode).toBe(201)
    return created.json().wish.id as string
  }
  const overdue = async (who: string) => {
    const reply = await api.call('GET', '/api/staff/overdue', tokens[who])
    expect(reply.statusCode).toBe(200)
    return reply.json().items as { wish: { id: string; title: string }; stage: string; overdueHours: number }[]
  }
  const notices = async (who: string) =>
    (await api.call('GET', '/api/me/notices?limit=50', tokens[who])).json().items as {
      kind: string
      body: string
      link?: string
    }[]
  const responseTimes = async () => (await api.call('GET', '/api/stats')).json().responseTimes

  it('counts nothing before any wish is answered', async () => {
    expect(await responseTimes()).toEqual({
      reviewMedianHours: null,
      claimMedianHours: null,
      solveMedianHours: null,
      reviewOnTargetPct: null,
      claimOnTargetPct: null,
    })
  })

  it('lists wishes past the review target to their own community’s staff and tells them once', async () => {
    const lamp = await submit('楼道灯坏了', 'cm_jiadi')
    const gate = await submit('西湖社区门禁坏了', 'cm_xihu')
    later(1)
    expect(await overdue('staffHere')).toEqual([])
    expect(await alertOverdueWishes(api.database.db, now, targets)).toBe(0)

    later(1)
    expect(await overdue('staffHere')).toEqual([
      { wish: expect.objectContaining({ id: lamp, title: '楼道灯坏了' }), stage: 'review', overdueHours: 0.5 },
    ])
    expect((await overdue('staffThere')).map((item) => item.wish.id)).toEqual([gate])
    expect((await overdue('district')).map((item) => item.wish.id).sort()).toEqual([lamp, gate].sort())
    expect((await api.call('GET', '/api/staff/overdue', tokens.王党员)).statusCode).toBe(403)
    expect((await api.call('GET', '/api/staff/overdue')).statusCode).toBe(401)

    // Several instances sweeping at the same moment: each wish is reported by exactly one of them.
    const sweeps = await Promise.all(
      Array.from({ length: 20 }, () => alertOverdueWishes(api.database.db, now, targets)),
    )
    expect(sweeps.reduce((a, b) => a + b, 0)).toBe(2)
    later(1)
    expect(await alertOverdueWishes(api.database.db, now, targets)).toBe(0)

    const here = (await notices('staffHere')).filter((n) => n.kind === 'wish_review_overdue')
    expect(here).toEqual([
      expect.objectContaining({ body: expect.stringContaining('楼道灯坏了'), link: expect.stringContaining(lamp) }),
    ])
    expect((await notices('staffThere')).filter((n) => n.kind === 'wish_review_overdue')).toHaveLength(1)
    // A district account acts for every community, so it hears of both.
    expect((await notices('district')).filter((n) => n.kind === 'wish_review_overdue')).toHaveLength(2)
  })

  it('counts the claim target from publication, tells staff once, and reports medians and shares on target', async () => {
    const [lamp, gate] = (await overdue('staffHere')).concat(await overdue('staffThere')).map((item) => item.wish.id)
    for (const [id, staff] of [
      [lamp!, 'staffHere'],
      [gate!, 'staffThere'],
    ] as const) {
      expect(
        (await api.call('POST', `/api/wishes/${id}/review`, tokens[staff], { decision: 'approve' })).statusCode,
      ).toBe(200)
    }
    expect(await overdue('staffHere')).toEqual([])

    later(1)
    expect((await api.call('POST', `/api/wishes/${gate}/claim`, tokens.王党员)).statusCode).toBe(200)
    later(2)
    expect(await overdue('staffHere')).toEqual([
      { wish: expect.objectContaining({ id: lamp }), stage: 'claim', overdueHours: 1 },
    ])
    expect(await overdue('staffThere')).toEqual([])
    expect(await alertOverdueWishes(api.database.db, now, targets)).toBe(1)
    expect(await alertOverdueWishes(api.database.db, now, targets)).toBe(0)
    const claimNotices = (await notices('staffHere')).filter((n) => n.kind === 'wish_claim_overdue')
    expect(claimNotices).toEqual([expect.objectContaining({ link: expect.stringContaining(lamp!) })])

    expect((await api.call('POST', `/api/wishes/${lamp}/claim`, tokens.王党员)).statusCode).toBe(200)
    expect(await overdue('staffHere')).toEqual([])
    expect(
      (await api.call('POST', `/api/wishes/${gate}/fulfil`, tokens.王党员, { note: '已修好门禁' })).statusCode,
    ).toBe(200)
    later(1)
    expect((await api.call('POST', `/api/wishes/${gate}/confirm`, tokens.张秀英, {})).statusCode).toBe(200)

    // Both reviewed after 3 h (target 1.5); claims 1 h and 3 h after publication (target 2);
    // the gate confirmed 7 h after it was posted.
    expect(await responseTimes()).toEqual({
      reviewMedianHours: 3,
      claimMedianHours: 2,
      solveMedianHours: 7,
      reviewOnTargetPct: 0,
      claimOnTargetPct: 50,
    })
  })

  it('gives staff the same figures and the wishes past a target now, per community they act for', async () => {
    const figures = async (who: string) => {
      const reply = await api.call('GET', '/api/stats/communities', tokens[who])
      expect(reply.statusCode).toBe(200)
      const items = reply.json().items as {
        communityId: string
        responseTimes: Record<string, number | null>
        overdue: number
      }[]
      return Object.fromEntries(items.map((c) => [c.communityId, { times: c.responseTimes, overdue: c.overdue }]))
    }
    const waiting = await submit('巷口井盖松了', 'cm_jiadi')
    later(2)
    expect((await overdue('staffHere')).map((item) => item.wish.id)).toEqual([waiting])

    // 甲第巷: the lamp, reviewed after 3 h and claimed 3 h after publication, unsolved; the new wish past review.
    expect(await figures('staffHere')).toEqual({
      cm_jiadi: {
        times: {
          reviewMedianHours: 3,
          claimMedianHours: 3,
          solveMedianHours: null,
          reviewOnTargetPct: 0,
          claimOnTargetPct: 0,
        },
        overdue: 1,
      },
    })
    const district = await figures('district')
    expect(district.cm_xihu).toEqual({
      times: {
        reviewMedianHours: 3,
        claimMedianHours: 1,
        solveMedianHours: 7,
        reviewOnTargetPct: 0,
        claimOnTargetPct: 100,
      },
      overdue: 0,
    })
    expect(district.cm_jiadi).toEqual((await figures('staffHere')).cm_jiadi)
    // A community where nothing was answered yet says so with nulls, not zeros.
    expect(Object.values(district).filter((c) => c.times.reviewMedianHours === null).length).toBeGreaterThan(0)
    expect(Object.values(district).find((c) => c.times.reviewMedianHours === null)!.times).toEqual({
      reviewMedianHours: null,
      claimMedianHours: null,
      solveMedianHours: null,
      reviewOnTargetPct: null,
      claimOnTargetPct: null,
    })
  })
})
