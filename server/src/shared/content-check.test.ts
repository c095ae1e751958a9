import { DB_KINDS } from '../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../tests/support/api'
import { startWechatStandIn } from '../../../tests/support/wechat'
import { findBlockedWord } from './content-check'

describe('content check', () => {
  it('finds a blocked word through spacing, punctuation and full-width tricks', () => {
    expect(findBlockedWord('这里有人 赌-博')).toBe('赌博')
    expect(findBlockedWord('ｋ粉')).toBe('k粉')
    expect(findBlockedWord('下午两点没有热水')).toBeNull()
  })

  describe.each(DB_KINDS)('with WeChat (AUTH_MODE=wechat), on %s', (kind) => {
    let wechat: Awaited<ReturnType<typeof startWechatStandIn>>
    let api: TestApi
    let token: string
    beforeAll(async () => {
      wechat = await startWechatStandIn()
      api = await startTestApi({
        kind,
        env: { AUTH_MODE: 'wechat', WX_APPID: 'wx-test', WX_SECRET: 'secret', WX_API_BASE: wechat.base },
      })
      const login = await api.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'good-code' } })
      expect(login.statusCode).toBe(200)
      token = login.json().token
    })
    afterAll(async () => {
      await api.close()
      wechat.close()
    })
    const report = (text: string) =>
      api.app.inject({
        method: 'POST',
        url: '/api/stations/st_xihu/reports',
        headers: { authorization: `Bearer ${token}` },
        payload: { category: 'other', text },
      })
    const reports = async () =>
      (await api.database.db.selectFrom('station_reports').select('text').execute()).map((r) => r.text)

    it('logs in through code2session and refuses a bad code with a clear 401', async () => {
      const bad = await api.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'stale' } })
      expect(bad.statusCode).toBe(401)
      expect(bad.json().error.code).toBe('INVALID_WECHAT_CODE')
    })

    it('asks msgSecCheck with the writer’s openid, and stores nothing it calls risky', async () => {
      const risky = await report('这里有风险词')
      expect(risky.statusCode).toBe(400)
      expect(risky.json().error).toMatchObject({
        code: 'CONTENT_REJECTED',
        message: expect.stringContaining('问题描述'),
      })
      expect(wechat.checked.at(-1)).toEqual({ content: '这里有风险词', openid: 'wx-openid-1', version: 2, scene: 3 })
      expect(await reports()).not.toContain('这里有风险词')

      expect((await report('饮水机坏了')).statusCode).toBe(201)
      expect(await reports()).toContain('饮水机坏了')
    })

    it('sends WeChat the text as normalized for checking, so an invisible character cannot split a word for it', async () => {
      const risky = await report('这里有风\u200B险\u2060词，ＡＢＣ')
      expect(risky.statusCode).toBe(400)
      expect(risky.json().error.code).toBe('CONTENT_REJECTED')
      expect(wechat.checked.at(-1)).toMatchObject({ content: '这里有风险词,ABC' })
      expect((await reports()).filter((text) => text.includes('风'))).toEqual([])
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
