import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { startTestApi, type TestApi } from '../../../tests/support/api'
import { findBlockedWord } from './content-check'

/**
 * A stand-in for api.weixin.qq.com on loopback (the real one is out of reach from tests): it issues tokens,
 * answers code2session, and judges text as msgSecCheck v2 does, calling anything with 风险词 risky.
 */
function startWechatStandIn() {
  const checked: { content: string; openid: string; version: number }[] = []
  let down = false
  const server: Server = createServer((req, res) => {
    let text = ''
    req.on('data', (c) => (text += c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://wechat')
      const reply = (body: object, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (down) return reply({ errcode: -1, errmsg: 'system busy' }, 503)
      if (url.pathname === '/cgi-bin/token') return reply({ access_token: 'token-1', expires_in: 7200 })
      if (url.pathname === '/sns/jscode2session') return reply(url.searchParams.get('js_code') === 'good-code' ? { openid: 'wx-openid-1', session_key: 'k' } : { errcode: 40029, errmsg: 'invalid code' })
      if (url.pathname === '/wxa/msg_sec_check' && url.searchParams.get('access_token') === 'token-1') {
        const body = JSON.parse(text) as { content: string; openid: string; version: number }
        checked.push(body)
        return reply({ errcode: 0, result: { suggest: body.content.includes('风险词') ? 'risky' : 'pass', label: 100 } })
      }
      reply({ errcode: 40001, errmsg: 'invalid credential' })
    })
  })
  return new Promise<{ base: string; checked: typeof checked; setDown(value: boolean): void; close(): void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        checked,
        setDown: (value) => (down = value),
        close: () => server.close(),
      }),
    ),
  )
}

describe('content check', () => {
  it('finds a blocked word through spacing, punctuation and full-width tricks', () => {
    expect(findBlockedWord('这里有人 赌-博')).toBe('赌博')
    expect(findBlockedWord('ｋ粉')).toBe('k粉')
    expect(findBlockedWord('下午两点没有热水')).toBeNull()
  })

  describe('with WeChat (AUTH_MODE=wechat)', () => {
    let wechat: Awaited<ReturnType<typeof startWechatStandIn>>
    let api: TestApi
    let token: string
    beforeAll(async () => {
      wechat = await startWechatStandIn()
      api = await startTestApi({ env: { AUTH_MODE: 'wechat', WX_APPID: 'wx-test', WX_SECRET: 'secret', WX_API_BASE: wechat.base } })
      const login = await api.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'good-code' } })
      expect(login.statusCode).toBe(200)
      token = login.json().token
    })
    afterAll(async () => {
      await api.close()
      wechat.close()
    })
    const report = (text: string) =>
      api.app.inject({ method: 'POST', url: '/api/stations/st_xihu/reports', headers: { authorization: `Bearer ${token}` }, payload: { category: 'other', text } })
    const reports = async () => (await api.database.db.selectFrom('station_reports').select('text').execute()).map((r) => r.text)

    it('logs in through code2session and refuses a bad code with a clear 401', async () => {
      const bad = await api.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'stale' } })
      expect(bad.statusCode).toBe(401)
      expect(bad.json().error.code).toBe('INVALID_WECHAT_CODE')
    })

    it('asks msgSecCheck with the writer’s openid, and stores nothing it calls risky', async () => {
      const risky = await report('这里有风险词')
      expect(risky.statusCode).toBe(400)
      expect(risky.json().error).toMatchObject({ code: 'CONTENT_REJECTED', message: expect.stringContaining('问题描述') })
      expect(wechat.checked.at(-1)).toEqual({ content: '这里有风险词', openid: 'wx-openid-1', version: 2, scene: 3 })
      expect(await reports()).not.toContain('这里有风险词')

      expect((await report('饮水机坏了')).statusCode).toBe(201)
      expect(await reports()).toContain('饮水机坏了')
    })

    it('does not bother WeChat with text the local list already refuses', async () => {
      const asked = wechat.checked.length
      expect((await report('有人拉人去赌博')).statusCode).toBe(400)
      expect(wechat.checked.length).toBe(asked)
    })

    it('keeps working on the local check when WeChat is unreachable', async () => {
      wechat.setDown(true)
      try {
        expect((await report('充电线不见了')).statusCode).toBe(201)
      } finally {
        wechat.setDown(false)
      }
    })
  })
})
