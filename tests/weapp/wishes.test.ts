/** @jest-environment jsdom */
import { callApi } from '../support/http'
import { builtWeappWithApi, signedIn } from '../support/weapp-suite'
import { installWxRuntime, renderPage } from '../support/wx-runtime'

const post = async (base: string, path: string, body: object, token?: string) =>
  (await callApi(base, 'POST', path, { body, token })).body

describe('weapp 微心愿 pages (compiled, driven by miniprogram-simulate)', () => {
  const api = builtWeappWithApi()
  let resident: { token: string; user: object }
  beforeAll(async () => {
    resident = await signedIn(api.base, 'wall-resident', 'resident', '林阿婆')
    const staff = (await signedIn(api.base, 'wall-staff', 'staff')).token
    const wish = await post(
      api.base,
      '/api/wishes',
      {
        category: 'errands',
        title: '帮忙买降压药',
        description: '腿脚不便，想请人帮忙去药店买药。',
        communityId: 'cm_xihu',
        contactPhone: '13911112222',
        urgent: true,
      },
      resident.token,
    )
    await post(api.base, `/api/wishes/${wish.wish.id}/review`, { decision: 'approve' }, staff)
  })

  it('shows the wall with urgent wishes marked, names masked and no phone', async () => {
    installWxRuntime({ api: api.base })
    const page = renderPage('features/wishes/index')
    await page.waitFor('帮忙买降压药')
    expect(page.html()).toContain('急难愁盼')
    expect(page.html()).toContain('林**')
    expect(page.html()).not.toContain('13911112222')
    expect(page.html()).not.toContain('林阿婆')
  })

  it('sorts the wall by distance to each wish’s community once the visitor allows location', async () => {
    const wx = installWxRuntime({ api: api.base, location: { latitude: 23.6703, longitude: 116.6398 } })
    const page = renderPage('features/wishes/index')
    await page.waitFor('帮忙买降压药')
    expect(page.html()).not.toMatch(/\d+ 米/)
    page.tap('#sort-nearest')
    await page.waitFor(/\d+ 米/)
    expect(
      wx.requests.some((r) => r.includes('/api/wishes?') && r.includes('sort=nearest') && r.includes('lat=23.6703')),
    ).toBe(true)

    installWxRuntime({ api: api.base, location: 'denied' })
    const declined = renderPage('features/wishes/index')
    await declined.waitFor('帮忙买降压药')
    declined.tap('#sort-nearest')
    await declined.waitFor(() => wx.toasts.some((m) => m.includes('位置权限')))
  })

  it('narrows the wall to urgent needs with one tap', async () => {
    const wx = installWxRuntime({ api: api.base })
    const page = renderPage('features/wishes/index')
    await page.waitFor('帮忙买降压药')
    page.tap('#urgent-only')
    await page.waitFor(() => wx.requests.some((r) => r.includes('/api/wishes?') && r.includes('urgent=true')))
    await page.waitFor('帮忙买降压药')
    expect(page.html()).toContain('全部社区')
  })

  it('the submit form shows what to fix before sending anything', async () => {
    const wx = installWxRuntime({ api: api.base, storage: { 'oth.token': resident.token, 'oth.user': resident.user } })
    const page = renderPage('features/wishes/pages/new/index')
    await page.waitFor('西湖社区')
    page.tap('#wish-submit')
    await page.waitFor('请填写标题')
    expect(page.html()).toContain('请说明具体情况')
    expect(page.html()).toContain('请选择所在社区')
    expect(wx.requests.some((r) => r.startsWith('POST') && r.includes('/api/wishes'))).toBe(false)
  })

  it('the submit form that cannot load the communities says so, and its retry brings the picker', async () => {
    const storage = { 'oth.token': resident.token, 'oth.user': resident.user }
    // Nothing listens on port 1: every request fails as it does without a network.
    installWxRuntime({ api: 'http://127.0.0.1:1', storage })
    const page = renderPage('features/wishes/pages/new/index')
    await page.waitFor('网络开小差了')
    expect(page.html()).not.toContain('wish-submit')
    installWxRuntime({ api: api.base, storage })
    page.tap('#retry')
    await page.waitFor('西湖社区')
  })
})
