import type { InjectOptions } from 'fastify'
import { DB_KINDS } from '../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../tests/support/api'
import { loadConfig } from '../config'

const LOW_LIMITS = { RATE_LOGIN_MAX: '3', RATE_WRITE_MAX: '5', RATE_GLOBAL_MAX: '12', RATE_WINDOW_MS: '60000' }

describe.each(DB_KINDS)('request-rate limits on %s', (kind) => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({ kind, env: LOW_LIMITS })
  })
  afterAll(() => api.close())

  /** Each case calls from its own address, so the cases do not share the per-address counts. */
  const from = (remoteAddress: string, options: InjectOptions) => api.app.inject({ ...options, remoteAddress })
  const times = async (n: number, send: () => Promise<{ statusCode: number }>) => {
    const codes: number[] = []
    for (let i = 0; i < n; i++) codes.push((await send()).statusCode)
    return codes
  }

  it('refuses the fourth login a minute from one address with 429 RATE_LIMITED, bilingual, with Retry-After', async () => {
    const attempt = (address: string) =>
      from(address, { method: 'POST', url: '/api/auth/dev', payload: { openid: 'rl-login' } })
    expect(await times(3, () => attempt('10.0.0.1'))).toEqual([200, 200, 200])
    const refused = await attempt('10.0.0.1')
    expect(refused.statusCode).toBe(429)
    expect(refused.json()).toEqual({
      error: {
        code: 'RATE_LIMITED',
        message: '操作太频繁，请稍后再试',
        messageEn: 'Too many requests, please try again later',
      },
    })
    const retryAfter = Number(refused.headers['retry-after'])
    expect(retryAfter).toBeGreaterThan(50)
    expect(retryAfter).toBeLessThanOrEqual(60)
    expect((await attempt('10.0.0.2')).statusCode).toBe(200)
  })

  it('counts writes per signed-in person, and anonymous writes per address', async () => {
    // Signed in from the loopback address, which no case counts against.
    const alice = (await api.signIn('rl-alice', 'resident')).token
    const bob = (await api.signIn('rl-bob', 'resident')).token
    const write = (token?: string) =>
      from('10.0.1.9', {
        method: 'POST',
        url: '/api/wishes/wi_none/withdraw',
        payload: {},
        headers: token ? { authorization: `Bearer ${token}` } : {},
      })

    expect(await times(6, () => write(alice))).toEqual([404, 404, 404, 404, 404, 429])
    // Same address, another person: their own count.
    expect((await write(bob)).statusCode).toBe(404)
    // Anonymous callers (and forged tokens) share the address's count, which Alice's writes did not use.
    expect(await times(5, () => write())).toEqual([401, 401, 401, 401, 401])
    expect((await write('forged-token')).statusCode).toBe(429)
    // Reads are not writes: Alice still reads.
    expect(
      (await from('10.0.1.9', { method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${alice}` } }))
        .statusCode,
    ).toBe(200)
  })

  it('puts a ceiling on everything, and X-Forwarded-For does not move a caller to a fresh count', async () => {
    const health = (forwardedFor: string) =>
      from('10.0.2.1', { method: 'GET', url: '/api/health', headers: { 'x-forwarded-for': forwardedFor } })
    expect(await times(12, () => health(`203.0.113.${Math.floor(Math.random() * 250)}`))).toEqual(Array(12).fill(200))
    const refused = await health('198.51.100.7')
    expect(refused.statusCode).toBe(429)
    expect(refused.headers['retry-after']).toBeDefined()
    expect((await from('10.0.2.2', { method: 'GET', url: '/api/health' })).statusCode).toBe(200)
  })
})

describe.each(DB_KINDS)('behind a trusted proxy on %s', (kind) => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({ kind, env: { ...LOW_LIMITS, TRUST_PROXY: '10.9.0.0/16' } })
  })
  afterAll(() => api.close())

  const health = (remoteAddress: string, forwardedFor: string) =>
    api.app.inject({ method: 'GET', url: '/api/health', remoteAddress, headers: { 'x-forwarded-for': forwardedFor } })

  it('counts the client the proxy names, and ignores the header from anyone else', async () => {
    for (let i = 0; i < 12; i++) expect((await health('10.9.0.5', '198.51.100.1')).statusCode).toBe(200)
    expect((await health('10.9.0.5', '198.51.100.1')).statusCode).toBe(429)
    // Another client behind the same proxy has its own count; the limited one sending a made-up entry (which the
    // proxy keeps, appending the real address after it) is still itself.
    expect((await health('10.9.0.5', '198.51.100.2')).statusCode).toBe(200)
    expect((await health('10.9.0.5', '198.51.100.9, 198.51.100.1')).statusCode).toBe(429)
    // Straight from the internet, the header is only text: the caller is its own address.
    for (let i = 0; i < 12; i++) expect((await health('192.0.2.50', '198.51.100.3')).statusCode).toBe(200)
    expect((await health('192.0.2.50', '198.51.100.4')).statusCode).toBe(429)
  })

  it('accepts the proxy as addresses or CIDRs only, never a hop count or "true"', () => {
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).TRUST_PROXY).toEqual(['10.0.0.0/8', '127.0.0.1'])
    expect(loadConfig({ TRUST_PROXY: 'uniquelocal' }).TRUST_PROXY).toEqual(['uniquelocal'])
    expect(loadConfig({}).TRUST_PROXY).toBe(false)
    for (const value of ['1', 'true', '*', '10.0.0.0/8,proxy.example.com'])
      expect(() => loadConfig({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY/)
  })
})
