/** @jest-environment jsdom */
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { LectureSessionList } from '@contract'
import { BUSIER_TOWN, makeBusierTown } from '../support/busy-town'
import { callApi } from '../support/http'
import {
  auditSetData,
  bytesOf,
  elementsOf,
  markSent,
  sentSince,
  settle,
  type Sent,
  type TaroNode,
} from '../support/render-audit'
import { AT_PAIFANG, builtWeappWithApi } from '../support/weapp-suite'
import { installWxRuntime, renderPage, WEAPP_ROOT, type RenderedPage, type WxRuntime } from '../support/wx-runtime'
import { RENDER_BUDGETS, type RenderBudget, type RenderFigure, type RenderFigures } from './render-budgets'

const PNG_SIGNATURE = '89504e470d0a1a0a'

const figures: RenderFigures = {}
/** Records a figure and holds it to its budget, if it has one; `sent` says what went out when it is missed. */
function expectWithin(key: RenderFigure, value: number, sent?: Sent) {
  figures[key] = value
  const { what, unit, max } = RENDER_BUDGETS[key] as RenderBudget
  if (max !== undefined && value > max) {
    const calls = sent?.log.map((c) => `  ${c.bytes} B: ${c.paths.join(', ').slice(0, 300)}`).join('\n') ?? ''
    throw new Error(`${what}: ${value} ${unit}, over the budget of ${max}\n${calls}`)
  }
}

/** What an action sends to the view: from before it until the page is quiet again. */
async function sentBy(action: () => Promise<void> | void, quietMs = 300): Promise<Sent> {
  const mark = markSent()
  await action()
  await settle(quietMs)
  return sentSince(mark)
}

const tree = (page: RenderedPage) => page.tree() as TaroNode
/** The page's elements, below the root Taro renders them into. */
const elementsShown = (page: RenderedPage) => (tree(page).cn ?? []).flatMap(elementsOf)
const mostChildren = (page: RenderedPage) => Math.max(...elementsShown(page).map((n) => n.cn?.length ?? 0))
const stationCards = (page: RenderedPage) =>
  elementsShown(page).filter((n) => typeof n.uid === 'string' && n.uid.startsWith('station-st_'))
const markersIn = (sent: Sent) => sent.log.filter((call) => call.json.includes('"iconPath"'))

describe('weapp render audit at a busier town (every setData counted)', () => {
  const api = builtWeappWithApi()
  let wx: WxRuntime
  let session: LectureSessionList['items'][number]

  beforeAll(async () => {
    await makeBusierTown(api.base)
    session = ((await callApi(api.base, 'GET', '/api/lectures/sessions')).body as LectureSessionList).items[0]!
    auditSetData()
  }, 60_000)
  afterAll(() => {
    if (process.env.RENDER_AUDIT_OUT) writeFileSync(process.env.RENDER_AUDIT_OUT, JSON.stringify(figures))
    console.log(JSON.stringify(figures))
  })
  beforeEach(() => {
    wx = installWxRuntime({ api: api.base, location: AT_PAIFANG })
  })

  it('驿站: first screen, a filter tap, list ↔ map, a tapped marker, refreshes and fifty stations, within budget', async () => {
    let page!: RenderedPage
    const first = await sentBy(async () => {
      page = renderPage('features/stations/index')
      await page.waitFor((html) => (html.match(/营业中|已休息/g) ?? []).length >= 20)
    })
    expectWithin('stationsFirstScreen', first.bytes, first)
    expectWithin('stationCard', Math.max(...stationCards(page).map(bytesOf)))

    const filter = await sentBy(async () => {
      page.tap('#filter-hot_water')
      await page.waitFor((html) => /chip--on"[^>]*>热水</.test(html) && !html.includes('content--stale'))
    })
    expect(wx.requests.some((r) => r.includes('service=hot_water'))).toBe(true)
    expect(stationCards(page)).toHaveLength(20)
    expectWithin('filterTap', filter.bytes, filter)
    expectWithin('filterTapCalls', filter.calls, filter)
    figures.filterTapMs = Math.round(filter.ms)

    const toMap = await sentBy(async () => {
      page.tap('#view-map')
      await page.waitFor('<wx-map')
    })
    expectWithin('listToMap', toMap.bytes, toMap)
    const map = elementsShown(page).find((n) => n.uid === 'station-map')!
    // The map's markers prop, under whatever short name Taro's templates give it.
    const markers = Object.values(map).find(
      (value) => Array.isArray(value) && JSON.stringify(value).includes('"iconPath"'),
    ) as { iconPath: string }[]
    expect(markers).toHaveLength(20)
    expectWithin('marker', Math.max(...markers.map((m) => JSON.stringify(m).length)))
    // Every marker shows a file of the package, not a data URI, and the file is a PNG.
    for (const { iconPath } of markers) {
      expect(iconPath).toMatch(/^\/[\w/.-]+\.png$/)
      const file = join(WEAPP_ROOT, iconPath)
      expect(existsSync(file)).toBe(true)
      expect(readFileSync(file).subarray(0, 8).toString('hex')).toBe(PNG_SIGNATURE)
    }

    const tapped = await sentBy(async () => {
      page.fire('#station-map', 'markertap', { markerId: 0 })
      await page.waitFor('station-map__card')
    })
    expect(markersIn(tapped)).toEqual([])
    figures.markerTap = tapped.bytes

    const refreshMap = await sentBy(async () => {
      page.pageEvent('onPullDownRefresh')
      await waitUntil(() => wx.refreshesDone === 1)
    })
    expect(markersIn(refreshMap)).toEqual([])
    expectWithin('refreshOnMap', refreshMap.bytes, refreshMap)

    const toList = await sentBy(async () => {
      page.tap('#view-list')
      await page.waitFor((html) => stationCards(page).length === 20 && !html.includes('<wx-map'))
    })
    expectWithin('mapToList', toList.bytes, toList)
    figures.mapToListMs = Math.round(toList.ms)

    const refreshList = await sentBy(async () => {
      page.pageEvent('onPullDownRefresh')
      await waitUntil(() => wx.refreshesDone === 2)
    })
    expectWithin('refreshOnList', refreshList.bytes, refreshList)

    await sentBy(async () => {
      page.tap('#filter-all')
      await page.waitFor((html) => /chip--on"[^>]*>全部</.test(html) && !html.includes('content--stale'))
    })
    const nextPage = await sentBy(async () => {
      page.pageEvent('onReachBottom')
      await waitUntil(() => stationCards(page).length === 40)
    })
    figures.nextPage = nextPage.bytes
    page.pageEvent('onReachBottom')
    await waitUntil(() => stationCards(page).length === BUSIER_TOWN.stations)
    await page.waitFor('没有更多了')
    expectWithin('stationNodes', elementsShown(page).length)
    expectWithin('stationChildren', mostChildren(page))
  })

  it('微心愿: the wall of 28 wishes keeps every parent under 60 children', async () => {
    let page!: RenderedPage
    const first = await sentBy(async () => {
      page = renderPage('features/wishes/index')
      await page.waitFor((html) => (html.match(/wish-card__title/g) ?? []).length >= 20)
    })
    figures.wishesFirstScreen = first.bytes
    page.pageEvent('onReachBottom')
    await page.waitFor('没有更多了')
    await settle()
    expect(elementsShown(page).filter((n) => String(n.uid).startsWith('wish-'))).toHaveLength(BUSIER_TOWN.wishes)
    expectWithin('wishNodes', elementsShown(page).length)
    expectWithin('wishChildren', mostChildren(page))
  })

  it('首页, a station’s detail, a lecture session and the volunteer pages stay within the node budget', async () => {
    const pages: [RenderFigure, RenderFigure, string, Record<string, string>, string][] = [
      ['homeFirstScreen', 'homeNodes', 'features/home/index', {}, '古城成效'],
      ['detailFirstScreen', 'detailNodes', 'features/stations/pages/detail/index', { id: 'st_paifangjie' }, '导航前往'],
      [
        'sessionFirstScreen',
        'sessionNodes',
        'features/lectures/pages/session/index',
        { id: session.id },
        session.topicTitle,
      ],
      ['activitiesFirstScreen', 'activitiesNodes', 'features/activities/pages/index/index', {}, '牌坊街环境卫生整治'],
      [
        'activityFirstScreen',
        'activityNodes',
        'features/activities/pages/detail/index',
        { id: 'ac_demo_cleanup' },
        '导航前往',
      ],
    ]
    for (const [bytesKey, nodesKey, path, query, shown] of pages) {
      let page!: RenderedPage
      const first = await sentBy(async () => {
        page = renderPage(path, query)
        await page.waitFor(shown)
      }, 500)
      figures[bytesKey] = first.bytes
      expectWithin(nodesKey, elementsShown(page).length)
      expect(mostChildren(page)).toBeLessThanOrEqual(60)
    }
  })
})

async function waitUntil(check: () => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error('waited in vain')
    await new Promise((r) => setTimeout(r, 25))
  }
}
