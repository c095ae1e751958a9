import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { devLoginEnabled, loadConfig } from '../../config'

describe.each(DB_KINDS)('auth on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => now, env: { SESSION_TTL_HOURS: '1' } })
  })
  afterAll(() => api.close())

  const devLogin = (body: object) => api.app.inject({ method: 'POST', url: '/api/auth/dev', payload: body })
  const me = (token?: string) =>
    api.app.inject({ method: 'GET', url: '/api/me', headers: token ? { authorization: `Bearer ${token}` } : {} })

  it('dev login creates a user with the chosen role, and the token identifies them', async () => {
    const login = await devLogin({ openid: 'staff-1', role: 'staff', nickname: '社区小林' })
    expect(login.statusCode).toBe(200)
    const { token, user } = login.json()
    expect(user).toMatchObject({ nickname: '社区小林', role: 'staff' })
    const res = await me(token)
    expect(res.statusCode).toBe(200)
    expect(res.json().user).toEqual(user)
  })

  it('logging in again updates the same user instead of creating another', async () => {
    const first = (await devLogin({ openid: 'resident-1', role: 'resident' })).json()
    const second = (await devLogin({ openid: 'resident-1', role: 'member' })).json()
    expect(second.user.id).toBe(first.user.id)
    expect(second.user.role).toBe('member')
    expect((await me(first.token)).json().user.role).toBe('member')
  })

  it('stores tokens hashed, never in clear', async () => {
    const { token } = (await devLogin({ openid: 'hash-check' })).json()
    const rows = await api.database.db.selectFrom('sessions').select('token_hash').execute()
    expect(rows.some((r) => r.token_hash === token)).toBe(false)
    expect(rows.every((r) => /^[0-9a-f]{64}$/.test(r.token_hash))).toBe(true)
  })

  it('answers 401 without a token, with a wrong token, and after the session expires', async () => {
    expect((await me()).statusCode).toBe(401)
    expect((await me('forged-token')).statusCode).toBe(401)
    const { token } = (await devLogin({ openid: 'expiring' })).json()
    expect((await me(token)).statusCode).toBe(200)
    now = new Date(now.getTime() + 61 * 60 * 1000)
    const expired = await me(token)
    expect(expired.statusCode).toBe(401)
    expect(expired.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: '请先登录' })
  })

  const logout = (token: string, body?: object) =>
    api.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { authorization: `Bearer ${token}` },
      ...(body && { payload: body }),
    })

  it('logout ends that session on the server: the token answers 401, the other devices stay signed in', async () => {
    const phone = (await devLogin({ openid: 'two-devices' })).json().token
    const tablet = (await devLogin({ openid: 'two-devices' })).json().token
    const out = await logout(phone)
    expect(out.statusCode).toBe(200)
    expect(out.json()).toEqual({ sessionsEnded: 1 })
    expect((await me(phone)).statusCode).toBe(401)
    expect((await logout(phone)).statusCode).toBe(401)
    expect((await me(tablet)).statusCode).toBe(200)
  })

  it('sign out everywhere ends every session of that person and of nobody else', async () => {
    const devices = await Promise.all(
      [1, 2, 3].map(async () => (await devLogin({ openid: 'many-devices' })).json().token as string),
    )
    const neighbour = (await devLogin({ openid: 'neighbour' })).json().token
    expect((await logout(devices[0]!, { everywhere: true })).json()).toEqual({ sessionsEnded: 3 })
    for (const token of devices) expect((await me(token)).statusCode).toBe(401)
    expect((await me(neighbour)).statusCode).toBe(200)
    expect((await logout(neighbour, { everywhere: 'yes' })).statusCode).toBe(400)
  })

  it('refuses a bad dev-login body with 400', async () => {
    expect((await devLogin({})).statusCode).toBe(400)
    expect((await devLogin({ openid: 'x', role: 'mayor' })).statusCode).toBe(400)
  })

  it('a dev login naming an unknown community changes nothing: no new user, no new role, no new binding', async () => {
    const staff = (await devLogin({ openid: 'bound-staff', role: 'staff', communityId: 'cm_jiadi' })).json()
    const bindings = () =>
      api.database.db
        .selectFrom('staff_communities')
        .select('community_id')
        .where('user_id', '=', staff.user.id)
        .execute()

    const demoted = await devLogin({ openid: 'bound-staff', role: 'member', communityId: 'cm_nowhere' })
    expect(demoted.statusCode).toBe(400)
    expect(demoted.json().error).toMatchObject({ code: 'BAD_REQUEST', messageEn: 'No community cm_nowhere' })
    expect((await me(staff.token)).json().user.role).toBe('staff')
    expect(await bindings()).toEqual([{ community_id: 'cm_jiadi' }])
    expect(
      await api.database.db.selectFrom('members').select('id').where('user_id', '=', staff.user.id).execute(),
    ).toEqual([])

    expect((await devLogin({ openid: 'never-made', role: 'staff', communityId: 'cm_nowhere' })).statusCode).toBe(400)
    expect(
      await api.database.db.selectFrom('users').select('id').where('openid', '=', 'dev:never-made').execute(),
    ).toEqual([])
  })

  it('tells the app which logins it offers', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/auth/options' })
    expect(res.json()).toEqual({ wechat: false, dev: true })
  })

  it('WeChat login is refused clearly when the server is not configured for it', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'abc' } })
    expect(res.statusCode).toBe(503)
    expect(res.json().error.code).toBe('WECHAT_LOGIN_UNAVAILABLE')
  })
})

describe('dev login switch', () => {
  it('is absent (404) without AUTH_DEV_LOGIN=1', async () => {
    const api = await startTestApi({ env: { AUTH_DEV_LOGIN: '0' } })
    try {
      const res = await api.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'a' } })
      expect(res.statusCode).toBe(404)
      const options = await api.app.inject({ method: 'GET', url: '/api/auth/options' })
      expect(options.json()).toEqual({ wechat: false, dev: false })
    } finally {
      await api.close()
    }
  })

  it('the server refuses to start with NODE_ENV=production and AUTH_DEV_LOGIN=1', () => {
    expect(() => loadConfig({ NODE_ENV: 'production', AUTH_DEV_LOGIN: '1' })).toThrow(/AUTH_DEV_LOGIN/)
  })

  it('is absent with AUTH_DEV_LOGIN=1 when NODE_ENV is anything but development or test', async () => {
    const staging = await startTestApi({ env: { NODE_ENV: 'staging' } })
    try {
      expect(
        (await staging.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { openid: 'a' } })).statusCode,
      ).toBe(404)
      expect((await staging.app.inject({ method: 'GET', url: '/api/auth/options' })).json().dev).toBe(false)
    } finally {
      await staging.close()
    }
    for (const NODE_ENV of ['prod', 'Development', 'production ', 'dev', ''])
      expect(devLoginEnabled(loadConfig({ NODE_ENV, AUTH_DEV_LOGIN: '1' }))).toBe(false)
    for (const NODE_ENV of ['development', 'test'])
      expect(devLoginEnabled(loadConfig({ NODE_ENV, AUTH_DEV_LOGIN: '1' }))).toBe(true)
  })

  it('trusts the Cloud Hosting openid header only in AUTH_MODE=cloud', async () => {
    const cloud = await startTestApi({ env: { AUTH_MODE: 'cloud' } })
    const plain = await startTestApi()
    try {
      const headers = { 'x-wx-openid': 'o-cloud-user' }
      const viaCloud = await cloud.app.inject({ method: 'GET', url: '/api/me', headers })
      expect(viaCloud.statusCode).toBe(200)
      expect(viaCloud.json().user.role).toBe('tourist')
      expect((await plain.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401)
    } finally {
      await cloud.close()
      await plain.close()
    }
  })
})
