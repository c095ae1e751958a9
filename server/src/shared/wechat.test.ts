import { callApi } from '../../../tests/support/http'
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../../../tests/support/databases'
import { startApiProcess, type RunningServer } from '../../../tests/support/server-process'
import { startWechatStandIn } from '../../../tests/support/wechat'
import { loadConfig } from '../config'
import { createWechatClient } from './wechat'

const TEMPLATES = {
  booking_confirmed: { id: 'tpl-booked', fields: { thing4: 'topic', time5: 'time', phrase6: 'title' } },
  booking_waitlisted: 'tpl-waitlisted',
}
/** More than the tea session's 12 seats, so some are confirmed and some waitlisted. */
const PEOPLE = 14
const SESSION = 'ls_demo_tea'

describe.each(DB_KINDS)('one WeChat client per process, two instances on %s', (kind) => {
  let wechat: Awaited<ReturnType<typeof startWechatStandIn>>
  let database: TestDatabase
  let instances: RunningServer[]
  const tokens: string[] = []

  beforeAll(async () => {
    wechat = await startWechatStandIn()
    database = await createTestDatabase(kind)
    const env = {
      DATABASE_URL: database.url,
      AUTH_MODE: 'wechat',
      AUTH_DEV_LOGIN: '0',
      WX_APPID: 'wx-test',
      WX_SECRET: 'secret',
      WX_API_BASE: wechat.base,
      WX_TEMPLATE_IDS: JSON.stringify(TEMPLATES),
      NOTICE_INTERVAL_MS: '200',
    }
    // One after the other: this suite is about WeChat, not about starting together (tests/deploy/scale-out.test.ts).
    instances = [await startApiProcess(env), await startApiProcess(env)]
  }, 120_000)

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()))
    wechat.close()
    database.remove()
  })

  const instanceOf = (person: number) => instances[person % instances.length]!.base
  const report = (person: number, text: string) =>
    callApi(instanceOf(person), 'POST', '/api/stations/st_xihu/reports', {
      token: tokens[person],
      body: { category: 'other', text },
    })
  const deliveredWithin = async (count: number) => {
    for (let i = 0; i < 100 && wechat.sent.length < count; i++) await new Promise((r) => setTimeout(r, 100))
    return wechat.sent.length
  }

  it('logs in, checks text and sends notices from both instances at once without knocking out each other’s token', async () => {
    const people = Array.from({ length: PEOPLE }, (_, person) => person)
    const [, ...outcomes] = await Promise.all([
      // Someone else with the same appid (an old deployment, a script) takes an ordinary token meanwhile.
      fetch(`${wechat.base}/cgi-bin/token?grant_type=client_credential&appid=wx-test&secret=secret`),
      ...people.map(async (person) => {
        const login = await callApi(instanceOf(person), 'POST', '/api/auth/wechat', {
          body: { code: `good-p${person}` },
        })
        tokens[person] = login.body.token
        const consent = await callApi(instanceOf(person + 1), 'POST', '/api/me/subscriptions', {
          token: tokens[person],
          body: { accepted: ['booking_confirmed', 'booking_waitlisted'] },
        })
        const reported = await report(person, `热水器坏了 ${person}`)
        const booked = await callApi(instanceOf(person), 'POST', `/api/lectures/sessions/${SESSION}/bookings`, {
          token: tokens[person],
        })
        return [login.status, consent.status, reported.status, booked.status]
      }),
    ])
    expect(outcomes).toEqual(people.map(() => [200, 200, 201, 201]))
    expect(wechat.checked.map((c) => c.content).sort()).toEqual(people.map((p) => `热水器坏了 ${p}`).sort())
    expect(await deliveredWithin(PEOPLE)).toBe(PEOPLE)

    expect(wechat.staleAnswers()).toBe(0)
    // One stable token per process, shared by its content checks and its notice worker.
    expect(wechat.tokenRequests.stable).toBe(instances.length)
    expect(new Set(wechat.sent.map((m) => m.touser))).toEqual(new Set(people.map((p) => `wx-p${p}`)))
  })

  it('fills each kind’s own template fields', () => {
    const booked = wechat.sent.find((m) => m.template_id === 'tpl-booked')
    expect(Object.keys(booked?.data ?? {})).toEqual(['thing4', 'time5', 'phrase6'])
    expect(booked?.data.time5?.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日 \d\d:\d\d$/)
    expect(booked?.data.phrase6?.value).toBe('预约成功')
    expect(booked?.page).toBe(`features/lectures/pages/session/index?id=${SESSION}`)
    const waitlisted = wechat.sent.find((m) => m.template_id === 'tpl-waitlisted')
    expect(Object.keys(waitlisted?.data ?? {})).toEqual(['thing1', 'time2', 'thing3'])
    expect(waitlisted?.data.thing3?.value).toBe('已进入候补')
  })

  it('recovers from a revoked token by fetching one fresh token and retrying each call once', async () => {
    wechat.revokeStableToken()
    const before = { stable: wechat.tokenRequests.stable, stale: wechat.staleAnswers() }
    // Five calls on one instance meet the revoked token at once; the instance asks for one new token only.
    const reports = await Promise.all([0, 2, 4, 6, 8].map((person) => report(person, `充电线不见了 ${person}`)))
    expect(reports.map((r) => r.status)).toEqual([201, 201, 201, 201, 201])
    expect(wechat.checked.filter((c) => c.content.startsWith('充电线不见了'))).toHaveLength(5)
    expect(wechat.tokenRequests.stable).toBe(before.stable + 1)
    // Those that reached WeChat before the new token was in were refused once each, and only once.
    const refused = wechat.staleAnswers() - before.stale
    expect(refused).toBeGreaterThanOrEqual(1)
    expect(refused).toBeLessThanOrEqual(5)

    // The other instance meets it on its own, and recovers the same way.
    expect((await report(1, '充电线不见了 1')).status).toBe(201)
    expect(wechat.tokenRequests.stable).toBe(before.stable + 2)
    expect(wechat.staleAnswers()).toBe(before.stale + refused + 1)

    // Notices go out with the fresh tokens, whichever instance's worker takes them.
    const late = await callApi(instanceOf(1), 'POST', '/api/auth/wechat', { body: { code: 'good-late' } })
    await callApi(instanceOf(1), 'POST', '/api/me/subscriptions', {
      token: late.body.token,
      body: { accepted: ['booking_waitlisted'] },
    })
    await callApi(instanceOf(1), 'POST', `/api/lectures/sessions/${SESSION}/bookings`, { token: late.body.token })
    expect(await deliveredWithin(PEOPLE + 1)).toBe(PEOPLE + 1)
    expect(wechat.sent.at(-1)?.touser).toBe('wx-late')
    expect(wechat.staleAnswers()).toBe(before.stale + refused + 1)
  })
})

describe('a WeChat token renewed ahead of its expiry', () => {
  /** Ten minutes: renewing five minutes ahead of WeChat's expiry then happens within each token's life. */
  const LIFETIME_SECONDS = 600
  const CALL_TIMEOUT_MS = 5000
  // One clock for the client and the stand-in, moved on by the test: three token lives pass without waiting them out.
  let clock = 0
  const now = () => clock
  let wechat: Awaited<ReturnType<typeof startWechatStandIn>>

  beforeAll(async () => {
    wechat = await startWechatStandIn({ tokenLifetimeSeconds: LIFETIME_SECONDS, now })
  })
  afterAll(() => wechat.close())

  it('is fetched once for many calls, before it expires: no call is refused for an expired token', async () => {
    const config = { AUTH_MODE: 'wechat', WX_APPID: 'wx-test', WX_SECRET: 'secret', WX_API_BASE: wechat.base }
    const client = createWechatClient(loadConfig(config), now)
    while (clock < 3 * LIFETIME_SECONDS * 1000) {
      const checks = Array.from({ length: 8 }, (_, i) =>
        client.post('/wxa/msg_sec_check', { content: `门口的灯坏了 ${clock} ${i}`, openid: 'wx-openid-1', version: 2 }),
      )
      // The calls reach WeChat once the clock has moved on by the client's timeout, the longest they can be on
      // their way: a token taken just before it is due for renewal must still be valid when its call arrives.
      clock += CALL_TIMEOUT_MS
      await expect(Promise.all(checks)).resolves.toHaveLength(8)
    }
    expect(wechat.staleAnswers()).toBe(0)
    expect(wechat.maxTokensInFlight()).toBe(1)
    // Three lives of ten minutes, each token replaced five minutes before it expired: six tokens or more.
    expect(wechat.stableTokensIssued()).toBeGreaterThanOrEqual(6)
  })
})
