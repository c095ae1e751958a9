/** @jest-environment jsdom */
import type { CommunityFigures, OverdueList, Stats } from '@contract'
import { translate, type MessageKey } from '../../src/shared/i18n'
import { formatHours, formatPercent } from '../../src/features/figures/response'
import { callApi } from '../support/http'
import { builtWeappWithApi, signedIn } from '../support/weapp-suite'
import { installWxRuntime, renderPage, type RenderedPage, type WxRuntime } from '../support/wx-runtime'

const FIGURES = 'features/figures/pages/index/index'
const inChinese = (key: MessageKey, params?: Record<string, string | number>) => translate('zh', key, params)
/** What the element with `id` says, its children's text included. */
const textOf = (page: RenderedPage, id: string) =>
  page
    .elements()
    .find((e) => e.attrs.id === id)
    ?.text.trim()

describe('weapp 古城成效 figures (compiled, driven by miniprogram-simulate)', () => {
  // A review target of two seconds: a wish posted in the suite is soon overdue.
  const api = builtWeappWithApi({ TARGET_REVIEW_HOURS: '0.0005', TARGET_CLAIM_HOURS: '72' })
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
    expect(html.match(/<wx-canvas/g)).toHaveLength(4)
    expect(html).toMatch(/近 12 周共解决心愿 \d+ 个、举办微讲堂 \d+ 场/)
    expect(html).toMatch(/近 12 周共开展志愿服务活动 \d+ 场，确认志愿服务 [\d.]+ 小时/)
    await page.waitFor(() =>
      ['weekly', 'volunteering', 'category', 'community'].every((chart) =>
        wx.selectorQueries.includes(`#chart-${chart}-canvas`),
      ),
    )
    expect(wx.requests.some((r) => r.includes('/api/stats/trends?weeks=12'))).toBe(true)
  })

  it('shows the response times as people read them, each with what it measures', async () => {
    const page = renderPage(FIGURES)
    await page.waitFor('响应时效')
    const times = stats.responseTimes
    expect(textOf(page, 'response-review')).toBe(
      `${formatHours(inChinese, times.reviewMedianHours)}审核用时从提交到社区审核，一半心愿在此时间内审核`,
    )
    expect(textOf(page, 'response-claim')).toContain(formatHours(inChinese, times.claimMedianHours))
    expect(textOf(page, 'response-solve')).toContain(formatHours(inChinese, times.solveMedianHours))
    expect(textOf(page, 'response-review-on-target')).toContain(formatPercent(inChinese, times.reviewOnTargetPct))
    expect(textOf(page, 'response-claim-on-target')).toContain(formatPercent(inChinese, times.claimOnTargetPct))
  })

  it('reads the weekly volunteering chart as a table: activities held and volunteer hours per week', async () => {
    const trends = (await callApi(api.base, 'GET', '/api/stats/trends?weeks=12')).body as {
      items: { activitiesHeld: number; volunteerHours: number }[]
    }
    const page = renderPage(FIGURES)
    await page.waitFor('志愿服务（近 12 周）')
    page.tap('#chart-volunteering-toggle')
    await page.waitFor('志愿服务时长（小时）')
    const elements = page.elements()
    const chart = elements.findIndex((e) => e.attrs.id === 'chart-volunteering')
    const next = elements.findIndex((e) => e.attrs.id === 'chart-category')
    const cells = elements.slice(chart, next).filter((e) => e.attrs['aria-role'] === 'cell')
    const rows = Array.from({ length: cells.length / 2 }, (_, i) =>
      [cells[2 * i]!, cells[2 * i + 1]!].map((c) => Number(c.text)),
    )
    expect(rows).toEqual(trends.items.map((w) => [w.activitiesHeld, w.volunteerHours]))
    expect(trends.items.some((w) => w.activitiesHeld > 0 && w.volunteerHours > 0)).toBe(true)
  })

  it('gives staff an overdue count on their home, response times per community, and the overdue list', async () => {
    const staff = await signedIn(api.base, 'figures-weapp-staff', 'staff', '值班员小周')
    const resident = await signedIn(api.base, 'figures-weapp-resident')
    const communityId = (
      (await callApi(api.base, 'GET', '/api/stats/communities', { token: staff.token })).body as CommunityFigures
    ).items[0]!.communityId
    const posted = await callApi(api.base, 'POST', '/api/wishes', {
      token: resident.token,
      body: {
        category: 'repair',
        title: '楼道灯不亮',
        description: '三楼楼道灯坏了，老人晚上上下楼看不见。',
        communityId,
      },
    })
    expect(posted.status).toBe(201)
    const overdueNow = async () =>
      (await callApi(api.base, 'GET', '/api/staff/overdue', { token: staff.token })).body as OverdueList
    let overdue = await overdueNow()
    while (overdue.items.length === 0) overdue = await new Promise((r) => setTimeout(r, 500)).then(overdueNow)
    const figures = (await callApi(api.base, 'GET', '/api/stats/communities', { token: staff.token }))
      .body as CommunityFigures
    expect(figures.items.reduce((n, c) => n + c.overdue, 0)).toBe(overdue.items.length)

    wx = installWxRuntime({ api: api.base, storage: staff.storage })
    const home = renderPage('features/staff/pages/index/index')
    await home.waitFor('各社区数据')
    await home.waitFor((html) => html.includes('menu__badge'))
    expect(textOf(home, 'staff-overdue')).toBe(`超时未处理的心愿${overdue.items.length}›`)
    const busiest = figures.items.reduce((a, b) => (b.overdue > a.overdue ? b : a))
    expect(textOf(home, `figures-${busiest.communityId}`)).toContain(`${busiest.overdue}超时未处理`)
    expect(textOf(home, `figures-${busiest.communityId}-claim`)).toBe(
      `认领用时${formatHours(inChinese, busiest.responseTimes.claimMedianHours)}`,
    )
    home.tap('#staff-overdue')
    await home.waitFor(() => wx.navigations.includes('/features/staff/pages/overdue/index'))

    const list = renderPage('features/staff/pages/overdue/index')
    await list.waitFor('已超时')
    const first = overdue.items[0]!
    const card = textOf(list, `overdue-${first.wish.id}`)
    expect(card).toContain(first.wish.title)
    expect(card).toContain(first.stage === 'review' ? '待审核' : '待认领')
    expect(card).toContain(`已超时 ${formatHours(inChinese, first.overdueHours)}`)
    expect(list.elements().filter((e) => String(e.attrs.id).startsWith('overdue-'))).toHaveLength(overdue.items.length)
    list.tap(`#overdue-${first.wish.id}`)
    await list.waitFor(() => wx.navigations.includes(`/features/wishes/pages/detail/index?id=${first.wish.id}`))
  })

  it('turns a chart into a table of the same numbers and back', async () => {
    const page = renderPage(FIGURES)
    await page.waitFor('各社区心愿')
    page.tap('#chart-community-toggle')
    await page.waitFor('以图表查看')
    expect(page.html().match(/<wx-canvas/g)).toHaveLength(3)
    expect(page.html()).toMatch(/>社区<[\s\S]*>心愿数<[\s\S]*>已解决<[\s\S]*>牌坊街社区</)
    page.tap('#chart-community-toggle')
    await page.waitFor((html) => html.match(/<wx-canvas/g)?.length === 4)
  })

  it('puts three headline numbers on Home that open the figures page', async () => {
    const home = renderPage('features/home/index')
    await home.waitFor('古城成效')
    expect(home.html()).toContain(`>${stats.members.verified}<`)
    home.tap('#home-figures')
    await home.waitFor(() => wx.navigations.includes('/features/figures/pages/index/index'))
  })
})
