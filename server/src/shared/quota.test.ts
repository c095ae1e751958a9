import { DB_KINDS } from '../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../tests/support/api'

const wish = {
  category: 'errands',
  title: '帮忙取药',
  description: '腿脚不便，请帮忙到社区医院取药。',
  communityId: 'cm_jiadi',
}

describe.each(DB_KINDS)('stored quotas under parallel bursts on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>

  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    tokens = await api.signInEach('quota-', [
      ['burst', 'resident'],
      ['daily', 'resident'],
      ['reporter', 'tourist'],
      ['staff', 'staff'],
    ])
  })
  afterAll(() => api.close())

  const post = (url: string, as: string, payload: object) => api.call('POST', url, tokens[as], payload)
  const burst = (n: number, url: string, as: string, payload: object) =>
    Promise.all(Array.from({ length: n }, () => post(url, as, payload)))
  const statuses = (responses: { statusCode: number }[]) => responses.map((r) => r.statusCode).sort()

  it('40 urgent wishes at once from one resident: 5 stored, 35 refused with 429 and Retry-After, notices only for the 5', async () => {
    const wishesBefore = await api.countRows('wishes')
    const noticesBefore = await api.countRows('outbox')
    const staffCount = Number(
      (
        await api.database.db
          .selectFrom('users')
          .select((e) => e.fn.countAll().as('n'))
          .where('role', '=', 'staff')
          .executeTakeFirstOrThrow()
      ).n,
    )

    const responses = await burst(40, '/api/wishes', 'burst', { ...wish, urgent: true })

    expect(statuses(responses)).toEqual([...Array(5).fill(201), ...Array(35).fill(429)])
    const refused = responses.filter((r) => r.statusCode === 429)
    for (const r of refused) {
      expect(Number(r.headers['retry-after'])).toBeGreaterThan(0)
      expect(r.json().error).toMatchObject({
        code: 'RATE_LIMITED',
        message: expect.stringContaining('5 个待审核或征集中的心愿'),
        messageEn: expect.stringContaining('At most 5 wishes'),
      })
    }
    expect(await api.countRows('wishes')).toBe(wishesBefore + 5)
    expect(await api.countRows('outbox')).toBe(noticesBefore + 5 * staffCount)
  })

  it('frees a place when a wish leaves review, and counts ten a day by the clock', async () => {
    const withdrawAll = async () => {
      const mine = (
        await api.app.inject({
          method: 'GET',
          url: '/api/me/wishes',
          headers: { authorization: `Bearer ${tokens.daily}` },
        })
      ).json().items
      for (const w of mine.filter((w: { status: string }) => w.status === 'pending_review')) {
        expect((await post(`/api/wishes/${w.id}/withdraw`, 'daily', {})).statusCode).toBe(200)
      }
    }
    const start = now
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 5; i++) {
        now = new Date(start.getTime() + (round * 5 + i) * 60_000)
        expect((await post('/api/wishes', 'daily', wish)).statusCode).toBe(201)
      }
      await withdrawAll()
    }
    // Ten today, none open: the day's quota refuses, and says when the first of them is a day old.
    now = new Date(start.getTime() + 3 * 3600_000)
    const refused = await post('/api/wishes', 'daily', wish)
    expect(refused.statusCode).toBe(429)
    expect(refused.json().error.messageEn).toContain('10 wishes a day')
    expect(Number(refused.headers['retry-after'])).toBe(21 * 3600)

    now = new Date(start.getTime() + 24 * 3600_000 + 1000)
    expect((await post('/api/wishes', 'daily', wish)).statusCode).toBe(201)
    now = start
  })

  it('40 problem reports at once from one person: exactly 3 stored, the rest 429 with Retry-After', async () => {
    const before = await api.countRows('station_reports')
    const responses = await burst(40, '/api/stations/st_paifangjie/reports', 'reporter', {
      category: 'no_hot_water',
      text: '没有热水',
    })
    expect(statuses(responses)).toEqual([...Array(3).fill(201), ...Array(37).fill(429)])
    const refused = responses.find((r) => r.statusCode === 429)!
    expect(refused.json().error).toMatchObject({
      code: 'RATE_LIMITED',
      messageEn: expect.stringContaining('3 reports an hour'),
    })
    expect(Number(refused.headers['retry-after'])).toBe(3600)
    expect(await api.countRows('station_reports')).toBe(before + 3)
  })
})
