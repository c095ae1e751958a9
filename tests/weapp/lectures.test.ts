/** @jest-environment jsdom */
import { callApi } from '../support/http'
import { AT_PAIFANG, builtWeappWithApi, signedIn } from '../support/weapp-suite'
import { installWxRuntime, renderPage } from '../support/wx-runtime'

const getJson = async (base: string, path: string, token: string) => (await callApi(base, 'GET', path, { token })).body

const TEMPLATES = {
  booking_confirmed: 'tmpl-confirmed',
  waitlist_promoted: 'tmpl-promoted',
  session_reminder: 'tmpl-reminder',
  topic_scheduled: 'tmpl-topic',
}

describe('weapp 微讲堂 pages (compiled, driven by miniprogram-simulate)', () => {
  const api = builtWeappWithApi({ WX_TEMPLATE_IDS: JSON.stringify(TEMPLATES) })

  let token = ''
  async function asResident(scan?: string) {
    const login = await signedIn(api.base, 'weapp-resident')
    token = login.token
    return installWxRuntime({ api: api.base, storage: login.storage, location: AT_PAIFANG, scan })
  }

  it('shows the topic menu with demand; ordering a topic asks when suits and adds one to its count', async () => {
    const wx = await asResident()
    const page = renderPage('features/lectures/index')
    await page.waitFor('潮州历史文化')
    page.tap('#tab-menu')
    await page.waitFor('垃圾分类')
    await page.waitFor(/0 位居民点单/)
    page.tap('#order-tp_waste')
    await page.waitFor('已点单')
    await page.waitFor(/1 位居民点单/)
    expect(wx.requests.some((r) => r.startsWith('POST') && r.includes('/api/lectures/topics/tp_waste/orders'))).toBe(
      true,
    )
    expect(wx.subscribePrompts).toEqual([['tmpl-topic']])
    const staff = await signedIn(api.base, 'weapp-staff', 'staff')
    const demand = (await getJson(api.base, '/api/lectures/topics/demand', staff.token)).items.find(
      (d: { topicId: string }) => d.topicId === 'tp_waste',
    )
    expect(demand.byTime).toEqual({ evening: 1 })
  })

  it('filters upcoming sessions by topic', async () => {
    const wx = await asResident()
    const page = renderPage('features/lectures/index')
    await page.waitFor('陈老师（潮州文史研究者）')
    page.tap('#filter-tp_tea')
    await page.waitFor(
      (html) => !html.includes('陈老师（潮州文史研究者）') && html.includes('林师傅（工夫茶非遗传承人）'),
    )
    expect(wx.requests.some((r) => r.includes('/api/lectures/sessions?') && r.includes('topicId=tp_tea'))).toBe(true)
  })

  it('shows a session with its seats left and books one, asking first whether to send its reminders', async () => {
    const wx = await asResident()
    const page = renderPage('features/lectures/pages/session/index', { id: 'ls_demo_tea' })
    await page.waitFor('工夫茶与非遗')
    await page.waitFor('余 12 座')
    const before = wx.requests.length
    page.tap('#book')
    await page.waitFor('已预约')
    await page.waitFor('余 11 座')
    // The booking answers with the session as the page shows it: no second fetch of the page.
    expect(wx.requests.slice(before).filter((r) => r.includes('/api/lectures/'))).toEqual([
      expect.stringMatching(/^POST .*\/api\/lectures\/sessions\/ls_demo_tea\/bookings/),
    ])
    expect(wx.subscribePrompts).toEqual([['tmpl-confirmed', 'tmpl-promoted', 'tmpl-reminder']])
    const { items } = await getJson(api.base, '/api/me/subscriptions', token)
    expect(items).toEqual(
      expect.arrayContaining([
        { kind: 'booking_confirmed', credits: 1 },
        { kind: 'session_reminder', credits: 1 },
      ]),
    )
  })

  it('checks in by scanning the code; coming back later shows the check-in and the feedback form, then the thanks', async () => {
    const staff = await signedIn(api.base, 'weapp-lecture-staff', 'staff')
    const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()
    const created = await callApi(api.base, 'POST', '/api/lectures/sessions', {
      token: staff.token,
      body: {
        topicId: 'tp_health',
        guesthouseId: 'gh_ximalu',
        startsAt: minutes(20),
        endsAt: minutes(80),
        capacity: 10,
      },
    })
    const id = (created.body as { session: { id: string } }).session.id
    const { code } = (await getJson(api.base, `/api/lectures/sessions/${id}/checkin-code`, staff.token)) as {
      code: string
    }

    await asResident(code)
    const page = renderPage('features/lectures/pages/session/index', { id })
    await page.waitFor('余 10 座')
    page.tap('#book')
    await page.waitFor('已预约')
    page.tap('#checkin')
    await page.waitFor((html) => html.includes('已签到') && !html.includes('id="checkin"'))

    // Leave and come back: what the page shows comes from the server, not from the visit before.
    await asResident()
    const again = renderPage('features/lectures/pages/session/index', { id })
    await again.waitFor('评价本场讲座')
    expect(again.html()).toContain('已签到')
    expect(again.html()).not.toContain('扫码签到')
    again.tap('#star-4')
    await again.waitFor((html) => html.split('session__star--on').length - 1 === 4)
    again.tap('#send-feedback')
    await again.waitFor((html) => html.includes('感谢您的评价') && !html.includes('评价本场讲座'))

    await asResident()
    const later = renderPage('features/lectures/pages/session/index', { id })
    await later.waitFor('感谢您的评价')
    expect(later.html()).not.toContain('评价本场讲座')
    const summary = (await getJson(api.base, '/api/lectures/feedback/summary', staff.token)) as {
      byTopic: { topicId: string; average: number }[]
    }
    expect(summary.byTopic.find((t) => t.topicId === 'tp_health')).toMatchObject({ average: 4, count: 1 })
  })
})
