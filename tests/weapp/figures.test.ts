/** @jest-environment jsdom */
import type { Stats } from '@contract'
import { callApi } from '../support/http'
import { builtWeappWithApi } from '../support/weapp-suite'
import { installWxRuntime, renderPage, type WxRuntime } from '../support/wx-runtime'

const FIGURES = 'features/figures/pages/index/index'

describe('weapp 古城成效 figures (compiled, driven by miniprogram-simulate)', () => {
  const api = builtWeappWithApi()
  let wx: WxRuntime
  let stats: Stats

  beforeAll(async () => {
    stats = (await callApi(api.base, 'GET', '/api/stats')).body as Stats
  })
  beforeEach(() => {
    wx = installWxRuntime({ api: api.base })
  })

  it('shows every headline number from the API with its meaning, and a canvas for each chart with its summary', async () => {
    const page = renderPage(FIGURES)
    await page.waitFor('心愿已圆')
    const html = page.html()
    const shown = (label: string) => html.match(new RegExp(`>(\\d+)</wx-text><wx-text[^>]*>${label}<`))?.[1]
    expect(shown('服务驿站')).toBe(String(stats.stations))
    expect(shown('讲堂民宿')).toBe(String(stats.guesthouses))
    expect(shown('已办微讲堂')).toBe(String(stats.lecturesHeld))
    expect(shown('听讲人次')).toBe(String(stats.lectureAttendances))
    expect(shown('心愿被认领')).toBe(String(stats.wishes.claimed))
    expect(shown('心愿已圆')).toBe(String(stats.wishes.fulfilled))
    expect(shown('急难已解决')).toBe(String(stats.wishes.urgentSolved))
    expect(shown('双报到党员')).toBe(String(stats.members.verified))
    expect(html).toContain('到社区报到并经核实的在职党员')
    expect(html.match(/<wx-canvas/g)).toHaveLength(3)
    expect(html).toMatch(/近 12 周共解决心愿 \d+ 个、举办微讲堂 \d+ 场/)
    await page.waitFor(() =>
      ['weekly', 'category', 'community'].every((chart) => wx.selectorQueries.includes(`#chart-${chart}-canvas`)),
    )
    expect(wx.requests.some((r) => r.includes('/api/stats/trends?weeks=12'))).toBe(true)
  })

  it('turns a chart into a table of the same numbers and back', async () => {
    const page = renderPage(FIGURES)
    await page.waitFor('各社区心愿')
    page.tap('#chart-community-toggle')
    await page.waitFor('以图表查看')
    expect(page.html().match(/<wx-canvas/g)).toHaveLength(2)
    expect(page.html()).toMatch(/>社区<[\s\S]*>心愿数<[\s\S]*>已解决<[\s\S]*>牌坊街社区</)
    page.tap('#chart-community-toggle')
    await page.waitFor((html) => html.match(/<wx-canvas/g)?.length === 3)
  })

  it('puts three headline numbers on Home that open the figures page', async () => {
    const home = renderPage('features/home/index')
    await home.waitFor('古城成效')
    expect(home.html()).toContain(`>${stats.members.verified}<`)
    home.tap('#home-figures')
    await home.waitFor(() => wx.navigations.includes('/features/figures/pages/index/index'))
  })
})
