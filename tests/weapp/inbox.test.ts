/** @jest-environment jsdom */
import { callApi } from '../support/http'
import { builtWeappWithApi, signedIn } from '../support/weapp-suite'
import { installWxRuntime, renderPage } from '../support/wx-runtime'

const devLogin = (base: string, openid: string) => signedIn(base, openid, 'resident', '林秀英')

describe('weapp 消息 inbox (compiled, driven by miniprogram-simulate)', () => {
  const api = builtWeappWithApi()

  it('counts unread notices in 我的 and on its tab, lists them newest first, marks them read and opens what they are about', async () => {
    const { token, user } = await devLogin(api.base, 'weapp-inbox')
    await callApi(api.base, 'POST', '/api/lectures/sessions/ls_demo_tea/bookings', { token })
    await callApi(api.base, 'POST', '/api/lectures/sessions/ls_demo_history/bookings', { token })
    const storage = { 'oth.token': token, 'oth.user': user }

    const wx = installWxRuntime({ api: api.base, storage })
    const me = renderPage('features/me/index')
    await me.waitFor('消息（2 条未读）')
    expect(wx.tabBadges.get(4)).toBe('2')

    installWxRuntime({ api: api.base, storage })
    const inbox = renderPage('features/me/pages/inbox/index')
    await inbox.waitFor('预约成功')
    const html = inbox.html()
    expect(html.indexOf('潮州历史文化')).toBeLessThan(html.indexOf('工夫茶')) // the later booking first
    expect(html).toContain('您的座位已确认')
    expect(html).toContain('未读')
    await inbox.waitFor(() => wx.requests.some((r) => r.startsWith('POST') && r.includes('/api/me/notices/read')))
    const after = await callApi(api.base, 'GET', '/api/me/notices', { token })
    expect(after.body.unread).toBe(0)

    const first = after.body.items[0] as { id: string; link: string }
    inbox.tap(`#notice-${first.id}`)
    await inbox.waitFor(() =>
      wx.navigations.some((url) => url.includes('/features/lectures/pages/session/index?id=ls_demo_history')),
    )
  })

  it('says so when there is nothing yet', async () => {
    const { token, user } = await devLogin(api.base, 'weapp-inbox-empty')
    const wx = installWxRuntime({ api: api.base, storage: { 'oth.token': token, 'oth.user': user } })
    const inbox = renderPage('features/me/pages/inbox/index')
    await inbox.waitFor('还没有消息')
    expect(wx.requests.some((r) => r.includes('/api/me/notices/read'))).toBe(false)
  })
})
