import pg from 'pg'
import { contractCheckerFor, type Document } from '../support/conformance'
import { DB_KINDS } from '../support/databases'
import { startPostgres, type PostgresCluster } from '../support/postgres'
import { startApiProcess, type RunningServer } from '../support/server-process'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

interface Answer {
  what: string
  /** -1 when the connection itself failed (the process gone, or it refused the connection). */
  status: number
  retryAfter: string | null
  code?: string
}

/**
 * The API process on its own throwaway cluster (never the one the other suites share), under a load of bookings and
 * reads, while the cluster restarts and then stays down for 5 s: the process stays up, nothing answers 500, the
 * readiness probe goes 503 and back, and what was answered as booked is in the database.
 */
const describeOnPostgres = DB_KINDS.includes('postgres') ? describe : describe.skip

describeOnPostgres('PostgreSQL going away under load', () => {
  let cluster: PostgresCluster
  let api: RunningServer
  let check: ReturnType<typeof contractCheckerFor>

  beforeAll(async () => {
    cluster = await startPostgres()
    api = await startApiProcess({ DATABASE_URL: cluster.adminUrl, NOTICE_INTERVAL_MS: '300', DB_POOL_SIZE: '8' })
    check = contractCheckerFor((await (await fetch(`${api.base}/api/openapi.json`)).json()) as Document)
  }, 120_000)

  afterAll(async () => {
    await api?.stop()
    cluster?.stop()
  })

  it('stays up, answers 503 with Retry-After while the database is away, and keeps every booking it confirmed', async () => {
    const mismatches: string[] = []
    const call = async (
      what: string,
      method: string,
      path: string,
      token?: string,
    ): Promise<Answer & { body: any }> => {
      let reply: Response
      let text: string
      try {
        reply = await fetch(api.base + path, {
          method,
          headers: token ? { authorization: `Bearer ${token}` } : {},
          signal: AbortSignal.timeout(20_000),
        })
        text = await reply.text()
      } catch (error) {
        return { what, status: -1, retryAfter: null, code: String(error), body: null }
      }
      const contentType = reply.headers.get('content-type')
      const mismatch = check({ method, url: path, status: reply.status, contentType, body: text })
      if (mismatch) mismatches.push(mismatch)
      const body = text ? JSON.parse(text) : null
      return { what, status: reply.status, retryAfter: reply.headers.get('retry-after'), code: body?.error?.code, body }
    }

    const tokens: string[] = []
    for (let i = 0; i < 40; i++) {
      const signIn = await fetch(`${api.base}/api/auth/dev`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: `fault-${i}`, role: 'resident' }),
      })
      tokens.push(((await signIn.json()) as { token: string }).token)
    }
    const sessions = (await call('sessions', 'GET', '/api/lectures/sessions?limit=100')).body.items as { id: string }[]
    expect(sessions.length).toBeGreaterThan(3)

    const answers: Answer[] = []
    /** Bookings the API answered as made: id → status it said. */
    const booked = new Map<string, string>()
    let loading = true
    const person = async (n: number) => {
      let turn = 0
      while (loading) {
        turn += 1
        const token = tokens[(n * 7 + turn) % tokens.length]!
        const session = sessions[(n + turn * 3) % sessions.length]!
        const booking = await call('book', 'POST', `/api/lectures/sessions/${session.id}/bookings`, token)
        answers.push(booking)
        if (booking.status === 200 || booking.status === 201)
          booked.set(booking.body.booking.id as string, booking.body.booking.status as string)
        answers.push(await call('read', 'GET', `/api/lectures/sessions/${session.id}`, token))
        answers.push(await call('mine', 'GET', '/api/me/bookings', token))
        answers.push(await call('stations', 'GET', '/api/stations?limit=5'))
        await sleep(20)
      }
    }
    const readiness: number[] = []
    const probe = async () => {
      while (loading) {
        readiness.push((await call('ready', 'GET', '/api/ready')).status)
        await sleep(200)
      }
    }
    const load = [...Array.from({ length: 6 }, (_, n) => person(n)), probe()]

    await sleep(1500)
    await cluster.restart()
    await sleep(2000)
    await cluster.halt()
    await sleep(5000)
    await cluster.resume()
    // Back without a restart of the API: the probe and every kind of request succeed again.
    for (let i = 0; i < 100 && readiness.at(-1) !== 200; i++) await sleep(200)
    const recovered = answers.length
    await sleep(2500)
    loading = false
    await Promise.all(load)

    expect(api.exitCode()).toBeUndefined()
    expect(mismatches).toEqual([])
    expect((await call('health', 'GET', '/api/health')).status).toBe(200)
    expect(answers.filter((a) => a.status === -1 || (a.status >= 500 && a.status !== 503))).toEqual([])
    const unavailable = answers.filter((a) => a.status === 503)
    expect(unavailable.length).toBeGreaterThan(0)
    expect(unavailable.filter((a) => a.code !== 'DATABASE_UNAVAILABLE' || a.retryAfter !== '5')).toEqual([])
    expect(readiness).toContain(503)
    expect(readiness.at(-1)).toBe(200)
    const afterRecovery = answers.slice(recovered)
    expect(afterRecovery.length).toBeGreaterThan(20)
    expect(afterRecovery.filter((a) => a.status >= 300)).toEqual([])

    const direct = new pg.Client({ connectionString: cluster.adminUrl })
    await direct.connect()
    try {
      const { rows } = await direct.query<{ id: string; status: string }>(
        'select id, status from bookings where id = any($1)',
        [[...booked.keys()]],
      )
      const stored = new Map(rows.map((r) => [r.id, r.status]))
      expect(booked.size).toBeGreaterThan(10)
      for (const [id, status] of booked) {
        // Confirmed stays confirmed; a waitlisted booking may have been promoted since.
        expect([id, stored.get(id)]).toEqual([id, status === 'confirmed' ? 'confirmed' : expect.any(String)])
      }
      // The notice worker went on after the outage: nothing is left waiting but what a round had claimed when the
      // database went (another round takes that up when its lease ends).
      const notices = async () =>
        (
          await direct.query<{ status: string; n: string }>(
            `select case when status = 'sending' and next_attempt_at > $1 then 'leased' else status end as status,
                    count(*) as n from outbox group by 1`,
            [new Date().toISOString()],
          )
        ).rows.reduce<Record<string, number>>((all, row) => ({ ...all, [row.status]: Number(row.n) }), {})
      for (let i = 0; i < 50 && (await notices()).pending; i++) await sleep(300)
      const delivery = await notices()
      expect(delivery).toEqual({ sent: expect.any(Number), ...(delivery.leased && { leased: delivery.leased }) })
      expect(delivery.sent).toBeGreaterThanOrEqual(booked.size - (delivery.leased ?? 0))
    } finally {
      await direct.end()
    }
  }, 120_000)
})
