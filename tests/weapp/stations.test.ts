/** @jest-environment jsdom */
import { elementsOf, type TaroNode } from '../support/render-audit'
import { startApiProcess } from '../support/server-process'
import { AT_PAIFANG, builtWeappWithApi } from '../support/weapp-suite'
import { installWxRuntime, renderPage, type RenderedPage, type WxRuntime } from '../support/wx-runtime'

function attrsOf(page: RenderedPage, id: string) {
  const element = page.elements().find((e) => e.attrs.id === id)
  if (!element) throw new Error(`no element #${id} on the page`)
  return element.attrs
}

/** The stations the map's markers stand for, by the names they carry. */
function markerTitles(page: RenderedPage): string[] {
  const map = elementsOf(page.tree() as TaroNode).find((n) => n.uid === 'station-map')
  // The markers prop, under whatever short name Taro's templates give it.
  const { cn: _children, ...props } = map ?? {}
  const markers = Object.values(props).find(Array.isArray) as { title: string }[] | undefined
  return (markers ?? []).map((m) => m.title)
}

describe('weapp Stations tab (compiled, driven by miniprogram-simulate)', () => {
  const api = builtWeappWithApi()
  let wx: WxRuntime

  beforeAll(() => {
    wx = installWxRuntime({ api: api.base, location: AT_PAIFANG })
  })

  it('lists the stations from the API, nearest first with distances', async () => {
    const page = renderPage('features/stations/index')
    await page.waitFor('牌坊街党群服务站')
    const html = page.html()
    expect(html.indexOf('牌坊街党群服务站')).toBeLessThan(html.indexOf('广济门党群服务站'))
    expect(html).toMatch(/\d+ 米/)
    expect(html).toContain('营业中')
    expect(wx.requests.some((r) => r.includes('/api/stations?') && r.includes('lat=23.6665'))).toBe(true)
  })

  it('re-queries when a service filter is tapped, dropping stations without it', async () => {
    const page = renderPage('features/stations/index')
    await page.waitFor('西马路微阵地')
    page.tap('#filter-hot_water')
    await page.waitFor(/chip--on"[^>]*>热水</)
    await page.waitFor((html) => html.includes('牌坊街党群服务站') && !html.includes('西马路微阵地'))
    expect(wx.requests.some((r) => r.includes('service=hot_water'))).toBe(true)
  })

  it('keeps only stations with every access fact ticked, in the list and on the map, and says which are ticked', async () => {
    const page = renderPage('features/stations/index')
    await page.waitFor('西马路微阵地')
    expect(attrsOf(page, 'access-stepFree')).toMatchObject({ 'aria-role': 'checkbox', 'aria-checked': false })
    page.tap('#access-stepFree')
    await page.waitFor(/chip--on"[^>]*>无台阶入口</)
    page.tap('#access-babyCare')
    await page.waitFor((html) => html.includes('西湖公园党群服务站') && !html.includes('广济门党群服务站'))
    expect(page.html()).toContain('牌坊街党群服务站')
    expect(page.html()).not.toContain('西马路微阵地')
    expect(wx.requests.some((r) => r.includes('access=stepFree%2CbabyCare'))).toBe(true)
    expect(attrsOf(page, 'access-stepFree')['aria-checked']).toBe(true)
    expect(attrsOf(page, 'access-babyCare')['aria-checked']).toBe(true)
    expect(attrsOf(page, 'access-seating')['aria-checked']).toBe(false)

    // The map shows the same filtered stations: one marker each.
    page.tap('#view-map')
    await page.waitFor('<wx-map')
    expect(markerTitles(page).sort()).toEqual(['牌坊街党群服务站', '西湖公园党群服务站'])

    // Unticking a fact widens the search again (广济门 has a step-free entrance, no baby care room).
    page.tap('#access-babyCare')
    await page.waitFor(() => markerTitles(page).includes('广济门党群服务站'))
    expect(attrsOf(page, 'access-babyCare')['aria-checked']).toBe(false)
  })
})

describe('weapp Station detail (subpackage)', () => {
  const api = builtWeappWithApi()

  it('shows each service with its live state, the pledges, today’s hours and the navigate and call buttons', async () => {
    installWxRuntime({ api: api.base, location: AT_PAIFANG })
    const page = renderPage('features/stations/pages/detail/index', { id: 'st_shop_beefball' })
    await page.waitFor('共产党员店·牛肉丸夜市铺')
    const html = page.html()
    expect(html).toContain('暂停 · 设备检修中')
    expect(html).toContain('服务承诺')
    expect(html).toContain('18:00–02:00')
    expect(html).toContain('导航前往')
    expect(html).toContain('拨打电话')
  })

  it('opens the station a scanned door code names in `scene`, with its access facts, unknown said plainly', async () => {
    installWxRuntime({ api: api.base, location: AT_PAIFANG })
    const page = renderPage('features/stations/pages/detail/index', { scene: encodeURIComponent('st_guangjimen') })
    await page.waitFor('广济门党群服务站')
    const html = page.html()
    expect(html).toContain('无障碍信息')
    expect(html).toMatch(/无台阶入口[\s\S]*有/)
    expect(html).toMatch(/无障碍卫生间[\s\S]*没有/)
    expect(html).toMatch(/母婴室[\s\S]*暂不清楚（尚未核实）/)
  })

  it('says so when the station does not exist', async () => {
    installWxRuntime({ api: api.base, location: AT_PAIFANG })
    const page = renderPage('features/stations/pages/detail/index', { id: 'st_nowhere' })
    await page.waitFor('找不到该服务站')
  })
})

describe('weapp Stations tab without location or network', () => {
  it('keeps the default order and says how to allow location when it is declined', async () => {
    const api = await startApiProcess()
    try {
      installWxRuntime({ api: api.base, location: 'denied' })
      const page = renderPage('features/stations/index')
      await page.waitFor('未获得位置权限')
      await page.waitFor('广济门党群服务站')
      expect(page.html()).not.toMatch(/\d+ 米/)
    } finally {
      await api.stop()
    }
  })

  it('shows the error state with a retry when the API cannot be reached', async () => {
    const api = await startApiProcess()
    const deadBase = api.base
    await api.stop()
    installWxRuntime({ api: deadBase, location: AT_PAIFANG })
    const page = renderPage('features/stations/index')
    await page.waitFor('网络开小差了')
    expect(page.html()).toContain('重试')
  })
})
