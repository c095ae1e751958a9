/** @jest-environment jsdom */
import { ensureTaroBuild } from '../../scripts/taro-build'
import { callApi } from '../support/http'
import { startApiProcess, type RunningServer } from '../support/server-process'
import { installWxRuntime, renderPage } from '../support/wx-runtime'

const devLogin = async (base: string, openid: string, role: string) =>
  (await callApi(base, 'POST', '/api/auth/dev', { body: { openid, role } })).body as { token: string; user: object }
const getJson = async (base: string, path: string, token: string) => (await callApi(base, 'GET', path, { token })).body

const TEMPLATES = { booking_confirmed: 'tmpl-confirmed', waitlist_promoted: 'tmpl-promoted', session_reminder: 'tmpl-reminder', topic_scheduled: 'tmpl-topic' }

describe('weapp 微讲堂 pages (compiled, driven by miniprogram-simulate)', () => {
  let api: RunningServer
  beforeAll(async () => {
    ensureTaroBuild('weapp')
    api = await startApiProcess({ WX_TEMPLATE_IDS: JSON.stringify(TEMPLATES) })
  }, 300_000)
  afterAll(() => api?.stop())

  let token = ''
  async function asResident() {
    const login = await devLogin(api.base, 'weapp-resident', 'resident')
    token = login.token
    const user = login.user
    return installWxRuntime({ storage: { 'oth.apiBase': api.base, 'oth.token': token, 'oth.user': user }, location: { latitude: 23.6665, longitude: 116.644 } })
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
    expect(wx.requests.some((r) => r.startsWith('POST') && r.includes('/api/lectures/topics/tp_waste/orders'))).toBe(true)
    expect(wx.subscribePrompts).toEqual([['tmpl-topic']])
    const staff = await devLogin(api.base, 'weapp-staff', 'staff')
    const demand = (await getJson(api.base, '/api/lectures/topics/demand', staff.token)).items.find((d: { topicId: string }) => d.topicId === 'tp_waste')
    expect(demand.byTime).toEqual({ evening: 1 })
  })

  it('filters upcoming sessions by topic', async () => {
    const wx = await asResident()
    const page = renderPage('features/lectures/index')
    await page.waitFor('陈老师（潮州文史研究者）')
    page.tap('#filter-tp_tea')
    await page.waitFor((html) => !html.includes('陈老师（潮州文史研究者）') && html.includes('林师傅（工夫茶非遗传承人）'))
    expect(wx.requests.some((r) => r.includes('/api/lectures/sessions?') && r.includes('topicId=tp_tea'))).toBe(true)
  })

  it('shows a session with its seats left and books one, asking first whether to send its reminders', async () => {
    const wx = await asResident()
    const page = renderPage('features/lectures/pages/session/index', { id: 'ls_demo_tea' })
    await page.waitFor('工夫茶与非遗')
    await page.waitFor('余 12 座')
    page.tap('#book')
    await page.waitFor('已预约')
    await page.waitFor('余 11 座')
    expect(wx.subscribePrompts).toEqual([['tmpl-confirmed', 'tmpl-promoted', 'tmpl-reminder']])
    const { items } = await getJson(api.base, '/api/me/subscriptions', token)
    expect(items).toEqual(expect.arrayContaining([{ kind: 'booking_confirmed', credits: 1 }, { kind: 'session_reminder', credits: 1 }]))
  })
})
