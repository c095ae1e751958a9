import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { browserOf } from './browser'

const CHROME_ON_WINDOWS =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'

describe.each(DB_KINDS)('desk sign-in by code on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-12-01T02:00:00Z')
  let tokens: Record<string, string>
  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now, env: { DESK_TICKET_SECONDS: '120' } })
    tokens = await api.signInEach('desk-', [
      ['staff', 'staff', 'cm_paifang'],
      ['district', 'staff'],
      ['resident', 'resident'],
      ['member', 'member'],
    ])
  })
  afterAll(() => api.close())

  const newCode = async () => {
    const reply = await api.app.inject({
      method: 'POST',
      url: '/api/auth/desk',
      headers: { 'user-agent': CHROME_ON_WINDOWS },
    })
    expect(reply.statusCode).toBe(201)
    return reply.json<{ ticket: string; secret: string; qrText: string; expiresAt: string }>()
  }
  const poll = (ticket: string, secret: string) =>
    api.call('POST', `/api/auth/desk/${ticket}/poll`, undefined, { secret })
  const approve = (ticket: string, token?: string) => api.call('POST', `/api/auth/desk/${ticket}/approve`, token)

  it('makes a random code naming the browser, valid DESK_TICKET_SECONDS, with the secret kept out of it', async () => {
    const code = await newCode()
    expect(Buffer.from(code.ticket, 'base64url').length * 8).toBeGreaterThanOrEqual(128)
    expect(code.qrText).toBe(`oldtown-desk:${code.ticket}`)
    expect(code.qrText).not.toContain(code.secret)
    expect(new Date(code.expiresAt).getTime() - now.getTime()).toBe(120_000)
    expect((await newCode()).ticket).not.toBe(code.ticket)
    const stored = await api.database.db
      .selectFrom('desk_tickets')
      .selectAll()
      .where('ticket', '=', code.ticket)
      .executeTakeFirstOrThrow()
    expect(stored.secret_hash).not.toContain(code.secret)

    const shown = await api.call('GET', `/api/auth/desk/${code.ticket}`, tokens.staff)
    expect(shown.statusCode).toBe(200)
    expect(shown.json()).toEqual({
      ticket: code.ticket,
      browser: 'Chrome 131 · Windows',
      createdAt: now.toISOString(),
      expiresAt: code.expiresAt,
      status: 'pending',
    })
  })

  it('pending until a staff member approves; then exactly one poll gets a working session of that person', async () => {
    const code = await newCode()
    expect((await poll(code.ticket, code.secret)).json()).toEqual({ status: 'pending' })
    const approved = await approve(code.ticket, tokens.staff)
    expect(approved.statusCode).toBe(200)
    expect(approved.json().status).toBe('approved')

    const polls = await Promise.all(Array.from({ length: 20 }, () => poll(code.ticket, code.secret)))
    expect(polls.every((reply) => reply.statusCode === 200)).toBe(true)
    const withToken = polls.map((reply) => reply.json()).filter((body) => body.token)
    expect(withToken).toHaveLength(1)
    expect(withToken[0].status).toBe('approved')
    expect(polls.filter((reply) => reply.json().status === 'used')).toHaveLength(19)

    const me = await api.call('GET', '/api/me', withToken[0].token)
    expect(me.json().user).toMatchObject({ nickname: 'staff', role: 'staff' })
    expect((await poll(code.ticket, code.secret)).json()).toEqual({ status: 'used' })
    expect((await approve(code.ticket, tokens.district)).json().error.code).toBe('DESK_CODE_USED')

    const audit = await api.database.db
      .selectFrom('audit_log')
      .selectAll()
      .where('entity_id', '=', code.ticket)
      .execute()
    expect(audit).toMatchObject([{ entity: 'desk_ticket', action: 'approve' }])
  })

  it('the desk session is an ordinary session: signing out everywhere on the phone ends it', async () => {
    const phone = (await api.signIn('desk-everywhere', 'staff')).token
    const code = await newCode()
    await approve(code.ticket, phone)
    const { token: desk } = (await poll(code.ticket, code.secret)).json()
    expect((await api.call('GET', '/api/me', desk)).statusCode).toBe(200)
    expect((await api.call('POST', '/api/auth/logout', phone, { everywhere: true })).json().sessionsEnded).toBe(2)
    expect((await api.call('GET', '/api/me', desk)).statusCode).toBe(401)
  })

  it('only staff approve: anonymous 401, residents and members 403, and the code stays pending', async () => {
    const code = await newCode()
    expect((await approve(code.ticket)).statusCode).toBe(401)
    expect((await approve(code.ticket, tokens.resident)).statusCode).toBe(403)
    expect((await approve(code.ticket, tokens.member)).statusCode).toBe(403)
    expect((await api.call('GET', `/api/auth/desk/${code.ticket}`, tokens.member)).statusCode).toBe(403)
    expect((await poll(code.ticket, code.secret)).json()).toEqual({ status: 'pending' })
  })

  it('a wrong secret is 403 and reveals nothing, even once approved; an unknown ticket is 404', async () => {
    const code = await newCode()
    await approve(code.ticket, tokens.staff)
    const wrong = await poll(code.ticket, 'not-the-secret')
    expect(wrong.statusCode).toBe(403)
    expect(wrong.json().error.code).toBe('FORBIDDEN')
    expect(wrong.body).not.toContain('approved')
    expect((await poll('no-such-ticket', code.secret)).statusCode).toBe(404)
    expect((await approve('no-such-ticket', tokens.staff)).statusCode).toBe(404)
    expect((await api.call('GET', '/api/auth/desk/no-such-ticket', tokens.staff)).statusCode).toBe(404)
    // The right secret still collects it.
    expect((await poll(code.ticket, code.secret)).json().token).toEqual(expect.any(String))
  })

  it('two phones approving at once: one wins, the other is told the code is used', async () => {
    const code = await newCode()
    const replies = await Promise.all([approve(code.ticket, tokens.staff), approve(code.ticket, tokens.district)])
    expect(replies.map((reply) => reply.statusCode).sort()).toEqual([200, 409])
  })

  it('expires after DESK_TICKET_SECONDS: no approving, no session; an hour later it is purged', async () => {
    const late = await newCode()
    const approvedLate = await newCode()
    await approve(approvedLate.ticket, tokens.staff)
    now = new Date(now.getTime() + 121_000)
    const refused = await approve(late.ticket, tokens.staff)
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error).toMatchObject({ code: 'DESK_CODE_EXPIRED', message: expect.stringContaining('过期') })
    expect((await poll(late.ticket, late.secret)).json()).toEqual({ status: 'expired' })
    expect((await poll(approvedLate.ticket, approvedLate.secret)).json()).toEqual({ status: 'expired' })

    now = new Date(now.getTime() + 3600_000)
    await newCode()
    expect((await poll(late.ticket, late.secret)).statusCode).toBe(404)
    const left = await api.database.db.selectFrom('desk_tickets').select('expires_at').execute()
    expect(left.every((row) => row.expires_at > new Date(now.getTime() - 3600_000).toISOString())).toBe(true)
  })

  it('polling every 2 s for a code’s life is not counted as logging in', async () => {
    const limited = await startTestApi({ kind, env: { RATE_LOGIN_MAX: '5', RATE_WRITE_MAX: '200' } })
    try {
      const code = (await limited.call('POST', '/api/auth/desk')).json()
      const replies = await Promise.all(
        Array.from({ length: 60 }, () =>
          limited.call('POST', `/api/auth/desk/${code.ticket}/poll`, undefined, { secret: code.secret }),
        ),
      )
      expect(replies.every((reply) => reply.statusCode === 200)).toBe(true)
    } finally {
      await limited.close()
    }
  })
})

describe('the browser named on the confirm screen', () => {
  it.each([
    [CHROME_ON_WINDOWS, 'Chrome 131 · Windows'],
    [
      'Mozilla/5.0 (Macintosh; Intel Mac OS X 14_1) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
      'Safari 17 · macOS',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0', 'Firefox 133 · Linux'],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.2903.70',
      'Edge 131 · Windows',
    ],
    [undefined, '未知浏览器 unknown browser'],
  ])('%s → %s', (agent, label) => {
    expect(browserOf(agent)).toBe(label)
  })
})
