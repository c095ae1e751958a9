/** @jest-environment jsdom */
import { ensureTaroBuild } from '../../scripts/taro-build'
import { callApi } from '../support/http'
import { startApiProcess, type RunningServer } from '../support/server-process'
import { startWechatStandIn } from '../support/wechat'
import { installWxRuntime, renderPage } from '../support/wx-runtime'

describe('weapp login (compiled, driven by miniprogram-simulate)', () => {
  let wechat: Awaited<ReturnType<typeof startWechatStandIn>>
  let api: RunningServer
  beforeAll(async () => {
    ensureTaroBuild('weapp')
    wechat = await startWechatStandIn()
    // As in production: WeChat login only, no demo identities.
    api = await startApiProcess({
      AUTH_MODE: 'wechat',
      WX_APPID: 'wx-test',
      WX_SECRET: 'secret',
      WX_API_BASE: wechat.base,
      AUTH_DEV_LOGIN: '0',
    })
  }, 300_000)
  afterAll(async () => {
    await api?.stop()
    wechat?.close()
  })

  it('logs in with WeChat: wx.login’s code becomes a session kept on the device, and 我的 shows who is in', async () => {
    const wx = installWxRuntime({ api: api.base })
    const page = renderPage('features/me/pages/login/index')
    await page.waitFor('微信一键登录')
    expect(page.html()).not.toContain('演示身份')
    page.tap('#login-wechat')
    await page.waitFor(() => wx.navigations.includes('back'))
    expect(wx.toasts).toContain('已登录')
    const token = wx.storage.get('oth.token') as string
    const me = await callApi(api.base, 'GET', '/api/me', { token })
    expect(me.status).toBe(200)
    expect(wx.requests).toContain(`POST ${api.base}/api/auth/wechat`)

    const mePage = renderPage('features/me/index')
    await mePage.waitFor(me.body.user.nickname)
    expect(mePage.html()).toContain('游客')
    // A tourist has bookings but no wishes of their own; everyone can read what is kept about them.
    expect(mePage.html()).toContain('我的预约')
    expect(mePage.html()).not.toContain('我的心愿')
    mePage.tap('#go-about')
    await mePage.waitFor(() => wx.navigations.includes('/features/me/pages/about/index'))
    const about = renderPage('features/me/pages/about/index')
    await about.waitFor('谁能看到')
    expect(about.html()).toContain('注销账号')
    // 古城成效 is open to everyone from 我的, as from Home.
    mePage.tap('#go-figures')
    await mePage.waitFor(() => wx.navigations.includes('/features/figures/pages/index/index'))
    const figures = renderPage('features/figures/pages/index/index')
    await figures.waitFor('心愿已圆')

    // Logging out ends the session on the server: a copy of the token no longer works.
    mePage.tap('#logout')
    await mePage.waitFor(() => wx.storage.get('oth.token') === undefined)
    expect(wx.requests).toContain(`POST ${api.base}/api/auth/logout`)
    expect((await callApi(api.base, 'GET', '/api/me', { token })).status).toBe(401)
    await mePage.waitFor('未登录')
  })

  it('says so, instead of offering buttons that would fail, when the server offers no login', async () => {
    const closed = await startApiProcess({ AUTH_DEV_LOGIN: '0' })
    try {
      installWxRuntime({ api: closed.base })
      const page = renderPage('features/me/pages/login/index')
      await page.waitFor('此服务器暂未开放登录')
      expect(page.html()).not.toContain('微信一键登录')
    } finally {
      await closed.stop()
    }
  })
})
