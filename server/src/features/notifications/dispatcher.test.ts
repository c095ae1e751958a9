import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { createDispatcher, MAX_ATTEMPTS, type OutgoingNotice } from './dispatcher'
import { queueSessionReminders } from '../sessions/reminders'
import { enqueueNotices } from '../notices/notices'

describe.each(DB_KINDS)('notice outbox on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let userId: string
  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now })
    userId = (await api.signIn('notice-user', 'resident')).user.id
  })
  afterAll(() => api.close())

  const queue = (dedupeKey: string) =>
    enqueueNotices(
      api.database.db,
      [{ userId, kind: 'booking_confirmed', dedupeKey, payload: { sessionId: 'ls_demo_tea' } }],
      now.toISOString(),
    )
  const row = (dedupeKey: string) =>
    api.database.db.selectFrom('outbox').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirstOrThrow()

  it('queues a notice once per dedupe key', async () => {
    await queue('once')
    await queue('once')
    const rows = await api.database.db.selectFrom('outbox').select('id').where('dedupe_key', '=', 'once').execute()
    expect(rows).toHaveLength(1)
  })

  it('retries a failed delivery with growing backoff, then sends it exactly once', async () => {
    await queue('flaky')
    const flakyId = (await row('flaky')).id
    const delivered: OutgoingNotice[] = []
    let failuresLeft = 2
    const dispatcher = createDispatcher(
      api.database.db,
      () => now,
      async (n) => {
        if (n.id === flakyId && failuresLeft-- > 0) throw new Error('WeChat busy')
        delivered.push(n)
      },
      api.app.log,
    )

    await dispatcher.runOnce(100)
    const first = await row('flaky')
    expect(first).toMatchObject({ status: 'pending', attempts: 1, last_error: 'WeChat busy' })
    expect(Date.parse(first.next_attempt_at) - now.getTime()).toBe(30_000)

    await dispatcher.runOnce(100) // not due yet: nothing happens
    expect((await row('flaky')).attempts).toBe(1)

    now = new Date(now.getTime() + 30_000)
    await dispatcher.runOnce(100)
    const second = await row('flaky')
    expect(second).toMatchObject({ status: 'pending', attempts: 2 })
    expect(Date.parse(second.next_attempt_at) - now.getTime()).toBe(60_000)

    now = new Date(now.getTime() + 60_000)
    await dispatcher.runOnce(100)
    await dispatcher.runOnce(100)
    expect((await row('flaky')).status).toBe('sent')
    const flaky = delivered.filter((n) => n.id === flakyId)
    expect(flaky).toHaveLength(1)
    expect(flaky[0]?.openid).toBe('dev:notice-user')
  })

  it('gives up after the last attempt', async () => {
    await queue('hopeless')
    const dispatcher = createDispatcher(
      api.database.db,
      () => now,
      async () => {
        throw new Error('template missing')
      },
      api.app.log,
    )
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await dispatcher.runOnce(100)
      now = new Date(now.getTime() + 3600_000 * 24)
    }
    expect(await row('hopeless')).toMatchObject({ status: 'failed', attempts: MAX_ATTEMPTS })
  })

  it('two dispatchers running at once deliver each notice once', async () => {
    for (let i = 0; i < 40; i++) await queue(`pair-${i}`)
    const delivered: string[] = []
    const send = async (n: OutgoingNotice) => {
      delivered.push(n.id)
    }
    const a = createDispatcher(api.database.db, () => now, send, api.app.log)
    const b = createDispatcher(api.database.db, () => now, send, api.app.log)
    await Promise.all([a.runOnce(100), b.runOnce(100), a.runOnce(100), b.runOnce(100)])
    const pairIds = (
      await api.database.db.selectFrom('outbox').select('id').where('dedupe_key', 'like', 'pair-%').execute()
    ).map((r) => r.id)
    expect(delivered.filter((id) => pairIds.includes(id)).sort()).toEqual([...pairIds].sort())
  })

  it('queues a reminder an hour before a booked session, once', async () => {
    const staff = (await api.signIn('notice-staff', 'staff')).token
    const resident = (await api.signIn('notice-user')).token
    const startsAt = new Date(now.getTime() + 50 * 60_000).toISOString()
    const session = (
      await api.call('POST', '/api/lectures/sessions', staff, {
        topicId: 'tp_health',
        guesthouseId: 'gh_ximalu',
        startsAt,
        endsAt: new Date(now.getTime() + 120 * 60_000).toISOString(),
        capacity: 3,
      })
    ).json().session
    await api.call('POST', `/api/lectures/sessions/${session.id}/bookings`, resident)
    await queueSessionReminders(api.database.db, now)
    await queueSessionReminders(api.database.db, now)
    const reminders = await api.database.db
      .selectFrom('outbox')
      .select('payload_json')
      .where('kind', '=', 'session_reminder')
      .execute()
    expect(reminders.filter((r) => JSON.parse(r.payload_json).sessionId === session.id)).toHaveLength(1)
  })

  it('with WeChat, sends only what the person accepted in the subscribe prompt, one message per accept', async () => {
    const login = await api.signIn('consent-user', 'resident')
    const auth = { authorization: `Bearer ${login.token}` }
    const grant = await api.app.inject({
      method: 'POST',
      url: '/api/me/subscriptions',
      headers: auth,
      payload: { accepted: ['booking_confirmed', 'session_reminder'] },
    })
    expect(grant.statusCode).toBe(200)
    expect(grant.json().items).toEqual([
      { kind: 'booking_confirmed', credits: 1 },
      { kind: 'session_reminder', credits: 1 },
    ])
    const refused = await api.app.inject({
      method: 'POST',
      url: '/api/me/subscriptions',
      headers: auth,
      payload: { accepted: ['newsletter'] },
    })
    expect(refused.statusCode).toBe(400)

    const notices = [
      ['consent-1', 'booking_confirmed'],
      ['consent-2', 'booking_confirmed'],
      ['consent-3', 'waitlist_promoted'],
      ['consent-4', 'session_reminder'],
    ] as const
    await enqueueNotices(
      api.database.db,
      notices.map(([dedupeKey, kind]) => ({ userId: login.user.id, kind, dedupeKey, payload: {} })),
      now.toISOString(),
    )
    let busy = true
    const delivered: string[] = []
    const dispatcher = createDispatcher(
      api.database.db,
      () => now,
      async (n) => {
        if (n.kind === 'session_reminder' && busy) {
          busy = false
          throw new Error('WeChat busy')
        }
        delivered.push(n.kind)
      },
      api.app.log,
      { requireConsent: true },
    )
    await dispatcher.runOnce(100)
    now = new Date(now.getTime() + 30_000)
    await dispatcher.runOnce(100)

    const status = async (key: string) => (await row(key)).status
    expect([
      await status('consent-1'),
      await status('consent-2'),
      await status('consent-3'),
      await status('consent-4'),
    ]).toEqual(['sent', 'skipped', 'skipped', 'sent'])
    expect(delivered.sort()).toEqual(['booking_confirmed', 'session_reminder'])
    // The retried reminder did not spend a second credit.
    const left = (await api.app.inject({ method: 'GET', url: '/api/me/subscriptions', headers: auth })).json().items
    expect(left).toEqual([
      { kind: 'booking_confirmed', credits: 0 },
      { kind: 'session_reminder', credits: 0 },
    ])
  })
})
