import { request } from 'node:http'
import { connect } from 'node:net'
import { sql } from 'kysely'
import { migrations } from '../../server/src/db/migrations'
import { openDatabase, type DbHandle } from '../../server/src/db'
import { createTestDatabase, DB_KINDS, type TestDatabase } from '../support/databases'
import { startApiProcess, type RunningServer } from '../support/server-process'
import { startWechatStandIn } from '../support/wechat'

const STATIONS_CACHE_MS = 1000
const CAPACITY = 30
const PEOPLE = 300
const NOTICE_KINDS = ['booking_confirmed', 'booking_waitlisted', 'waitlist_promoted']

type Reply = { status: number; body: any }

/** Several API processes on one PostgreSQL database, as Cloud Hosting runs them when it scales out. */
const onPostgres = DB_KINDS.includes('postgres') ? describe : describe.skip
onPostgres('three instances on one PostgreSQL database', () => {
  let wechat: Awaited<ReturnType<typeof startWechatStandIn>>
  let database: TestDatabase
  let direct: DbHandle
  let instances: RunningServer[]
  let sessionId: string
  let staff: string
  const people: string[] = []

  const call = async (
    instance: number,
    method: string,
    path: string,
    token?: string,
    body?: object,
  ): Promise<Reply> => {
    const res = await fetch(instances[instance]!.base + path, {
      method,
      headers: {
        ...(token && { authorization: `Bearer ${token}` }),
        ...(body && { 'content-type': 'application/json' }),
      },
      body: body && JSON.stringify(body),
    })
    return { status: res.status, body: await res.json() }
  }
  const login = async (instance: number, openid: string, role = 'resident') =>
    (await call(instance, 'POST', '/api/auth/dev', undefined, { openid, role })).body.token as string

  beforeAll(async () => {
    wechat = await startWechatStandIn()
    database = await createTestDatabase('postgres')
    const env = {
      DATABASE_URL: database.url,
      // WeChat for the notices (sent to the stand-in, so each delivery is seen), demo identities for the people.
      AUTH_MODE: 'wechat',
      WX_APPID: 'wx-scale',
      WX_SECRET: 'secret',
      WX_API_BASE: wechat.base,
      WX_TEMPLATE_IDS: JSON.stringify(Object.fromEntries(NOTICE_KINDS.map((kind) => [kind, `tpl-${kind}`]))),
      NOTICE_INTERVAL_MS: '100',
      STATIONS_CACHE_MS: String(STATIONS_CACHE_MS),
    }
    // Started together on an empty database: each migrates and seeds the demo data at once.
    instances = await Promise.all([0, 1, 2].map(() => startApiProcess(env)))
    direct = openDatabase(database.url)
  }, 120_000)

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()))
    await direct.close()
    wechat.close()
  })

  it('starts three instances together on an empty database: each migration ran once, all three ready', async () => {
    const ran = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(direct.db)
    expect(ran.rows.map((r) => r.name)).toEqual(Object.keys(migrations).sort())
    const stations = await direct.db
      .selectFrom('stations')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(stations.n)).toBeGreaterThan(0)
    for (const instance of [0, 1, 2])
      expect(await call(instance, 'GET', '/api/ready')).toEqual({ status: 200, body: { ok: true } })
  })

  it(`keeps the seat rule exactly when ${PEOPLE} people book ${CAPACITY} seats through all three at once`, async () => {
    staff = await login(0, 'scale-staff', 'staff')
    const startsAt = new Date(Date.now() + 2 * 86_400_000)
    const created = await call(1, 'POST', '/api/lectures/sessions', staff, {
      topicId: 'tp_antifraud',
      guesthouseId: 'gh_yixing',
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + 90 * 60_000).toISOString(),
      capacity: CAPACITY,
      speaker: '反诈民警',
    })
    expect(created.status).toBe(201)
    sessionId = created.body.session.id
    people.push(...(await Promise.all(Array.from({ length: PEOPLE }, (_, i) => login(i % 3, `scale-${i}`)))))
    await Promise.all(
      people.map((token, i) => call((i + 1) % 3, 'POST', '/api/me/subscriptions', token, { accepted: NOTICE_KINDS })),
    )

    const booked = await Promise.all(
      people.map((token, i) => call(i % 3, 'POST', `/api/lectures/sessions/${sessionId}/bookings`, token)),
    )
    expect(booked.filter((r) => r.status !== 201)).toEqual([])
    const bookings = booked.map((r) => r.body.booking)
    expect(bookings.filter((b) => b.status === 'confirmed')).toHaveLength(CAPACITY)
    const positions = bookings.filter((b) => b.status === 'waitlisted').map((b) => b.position)
    expect(positions.sort((a, b) => a - b)).toEqual(Array.from({ length: PEOPLE - CAPACITY }, (_, i) => i + 1))
    for (const instance of [0, 1, 2]) {
      const { session } = (await call(instance, 'GET', `/api/lectures/sessions/${sessionId}`)).body
      expect(session).toMatchObject({ confirmedCount: CAPACITY, waitlistCount: PEOPLE - CAPACITY, seatsLeft: 0 })
    }
  })

  it('promotes the head of the waitlist, seen on another instance, when someone cancels on one', async () => {
    const mine = async (instance: number, token: string) =>
      (await call(instance, 'GET', `/api/lectures/sessions/${sessionId}`, token)).body.session.myBooking
    const views = await Promise.all(people.map((token, i) => mine(i % 3, token)))
    const leaving = views.findIndex((b) => b.status === 'confirmed')
    const head = views.findIndex((b) => b.status === 'waitlisted' && b.position === 1)
    expect((await call(0, 'DELETE', `/api/lectures/sessions/${sessionId}/bookings/me`, people[leaving])).status).toBe(
      200,
    )
    expect(await mine(1, people[head]!)).toMatchObject({ status: 'confirmed' })
    expect(await mine(2, people[head]!)).toMatchObject({ status: 'confirmed' })
    const next = views.findIndex((b) => b.status === 'waitlisted' && b.position === 2)
    expect(await mine(2, people[next]!)).toMatchObject({ status: 'waitlisted', position: 1 })
  })

  it('delivers every notice exactly once, whichever instance’s worker takes it', async () => {
    const settled = async () => {
      const open = await direct.db
        .selectFrom('outbox')
        .select('id')
        .where('status', 'in', ['pending', 'sending'])
        .execute()
      return open.length === 0
    }
    for (let i = 0; i < 150 && !(await settled()); i++) await new Promise((r) => setTimeout(r, 100))
    const outbox = await direct.db.selectFrom('outbox').select(['status', 'kind']).execute()
    // Each person was told once of their booking, and the promoted one once more.
    expect(outbox.filter((n) => n.status === 'sent')).toHaveLength(PEOPLE + 1)
    expect(wechat.sent).toHaveLength(PEOPLE + 1)
    const told = wechat.sent.map((m) => `${m.touser} ${m.template_id}`)
    expect(new Set(told).size).toBe(told.length)
    expect(wechat.sent.filter((m) => m.template_id === 'tpl-waitlist_promoted')).toHaveLength(1)
  })

  it(`shows a staff change made on one instance on the others within STATIONS_CACHE_MS (${STATIONS_CACHE_MS} ms)`, async () => {
    const hotWater = async (instance: number) => {
      const { items } = (await call(instance, 'GET', '/api/stations?limit=100')).body
      const station = items.find((s: { id: string }) => s.id === 'st_kaiyuansi')
      return station.services.find((s: { key: string }) => s.key === 'hot_water').available as boolean
    }
    expect([await hotWater(1), await hotWater(2)]).toEqual([true, true]) // both have the list in memory now
    const toggled = await call(0, 'PATCH', '/api/stations/st_kaiyuansi/services/hot_water', staff, {
      available: false,
      note: '热水器维修',
    })
    expect(toggled.status).toBe(200)
    expect(await hotWater(0)).toBe(false)
    await new Promise((r) => setTimeout(r, STATIONS_CACHE_MS))
    expect([await hotWater(1), await hotWater(2)]).toEqual([false, false])
  })

  it('on SIGTERM: not ready, the request under way finishes, exits 0 within 10 s; the others carry on', async () => {
    const token = people[0]!
    const { port } = new URL(instances[2]!.base)
    // A report whose body is still arriving when the signal comes: under way, so it must be answered in full.
    const body = JSON.stringify({ category: 'other', text: '门口的灯坏了' })
    const slow = request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/stations/st_xihu/reports',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
      },
    })
    const answered = new Promise<Reply>((resolve, reject) => {
      slow.on('response', (res) => {
        let text = ''
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
      })
      slow.on('error', reject)
    })
    slow.write(body.slice(0, 10))
    // The platform's readiness probe, its request line in before the signal and its headers done after: it reaches
    // the draining instance, which must say it is not ready so no new traffic is routed to it.
    const probe = connect(Number(port), '127.0.0.1')
    probe.write('GET /api/ready HTTP/1.1\r\nhost: 127.0.0.1\r\n')
    const probed = new Promise<Reply>((resolve, reject) => {
      let text = ''
      probe.on('data', (chunk) => (text += chunk))
      probe.on('end', () => {
        const [head = '', payload = ''] = text.split('\r\n\r\n')
        resolve({ status: Number(head.split(' ')[1]), body: JSON.parse(payload) })
      })
      probe.on('error', reject)
    })
    await new Promise((r) => setTimeout(r, 100))

    const exitCode = instances[2]!.stop()
    await new Promise((r) => setTimeout(r, 200))
    probe.write('\r\n')
    expect(await probed).toEqual({
      status: 503,
      body: { error: { code: 'SHUTTING_DOWN', message: expect.any(String), messageEn: expect.any(String) } },
    })
    slow.end(body.slice(10))
    expect(await answered).toMatchObject({ status: 201 })
    let deadline: NodeJS.Timeout | undefined
    const tooLate = new Promise((resolve) => (deadline = setTimeout(() => resolve('still running after 10 s'), 10_000)))
    expect(await Promise.race([exitCode, tooLate])).toBe(0)
    clearTimeout(deadline)
    expect((await call(0, 'GET', '/api/ready')).status).toBe(200)
  }, 30_000)
})
