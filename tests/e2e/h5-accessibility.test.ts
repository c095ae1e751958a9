import { createRequire } from 'node:module'
import type { LectureSessionList, WishList } from '@contract'
import type { AxeResults } from 'axe-core'
import { callApi } from '../support/http'
import { openH5App, type H5App } from '../support/h5'

/** Where a phone at the 牌坊街 station puts itself in WGS-84 (see h5-stations.test.ts). */
const AT_PAIFANG_WGS84 = { latitude: 23.66922, longitude: 116.6396 }

interface Screen {
  name: string
  url: string
  /** What shows once the page has its data. */
  ready: string
  /** A tap after loading (the map is a view of the stations tab). */
  then?: { click: string; ready: string }
}

const AXE_SCRIPT = createRequire(__filename).resolve('axe-core/axe.min.js')

/** The serious and critical violations axe-core finds on what is on screen now, one line per element. */
async function seriousViolations(page: H5App['page']): Promise<string[]> {
  await page.addScriptTag({ path: AXE_SCRIPT })
  const results = await page.evaluate(() => (window as unknown as { axe: { run(): Promise<AxeResults> } }).axe.run())
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((node) => `${v.id} (${v.impact}): ${node.target.join(' ')}`))
}

/**
 * axe-core on every tab and the pages a visitor reaches from them, in Chinese, English and 长辈模式. The audit
 * injects axe's script, which the app's Content-Security-Policy refuses (as it should): this suite's browser context
 * bypasses the policy, and the other suites keep checking the app runs under it.
 */
describe('H5 accessibility: axe-core finds no serious or critical violation', () => {
  let app: H5App
  let screens: Screen[]

  beforeAll(async () => {
    app = await openH5App({ bypassCSP: true, geolocation: AT_PAIFANG_WGS84, permissions: ['geolocation'] })
    const base = app.api.base
    const session = ((await callApi(base, 'GET', '/api/lectures/sessions')).body as LectureSessionList).items[0]!
    const wish = ((await callApi(base, 'GET', '/api/wishes')).body as WishList).items[0]!
    screens = [
      { name: 'Home', url: '/#/features/home/index', ready: '#home-next-lecture .session-card' },
      { name: '驿站', url: '/#/features/stations/index', ready: '.stations .station-card' },
      {
        name: '驿站 map',
        url: '/#/features/stations/index',
        ready: '.stations .station-card',
        then: { click: '#view-map', ready: '.stations .leaflet-marker-icon' },
      },
      { name: 'station detail', url: '/#/features/stations/pages/detail/index?id=st_paifangjie', ready: '#navigate' },
      { name: '微讲堂', url: '/#/features/lectures/index', ready: '.lectures .session-card' },
      { name: 'a session', url: `/#/features/lectures/pages/session/index?id=${session.id}`, ready: '#book' },
      { name: '微心愿', url: '/#/features/wishes/index', ready: '.wishes .wish-card' },
      { name: 'a wish', url: `/#/features/wishes/pages/detail/index?id=${wish.id}`, ready: '#wish-status' },
      { name: '志愿服务', url: '/#/features/activities/pages/index/index', ready: '.activities .activity-card' },
      { name: 'an activity', url: '/#/features/activities/pages/detail/index?id=ac_demo_cleanup', ready: '#places' },
      { name: '我的', url: '/#/features/me/index', ready: '#me-role' },
      { name: '古城成效', url: '/#/features/figures/pages/index/index', ready: '.figures-page canvas' },
    ]
    await app.loginAs('resident')
  }, 300_000)
  afterAll(() => app?.close())

  async function auditEveryScreen(mode: string) {
    const found: string[] = []
    for (const screen of screens) {
      await app.page.goto(`${app.api.base}${screen.url}`)
      await app.page.reload()
      await app.visible(screen.ready).waitFor()
      if (screen.then) {
        await app.visible(screen.then.click).click()
        await app.visible(screen.then.ready).waitFor()
      }
      found.push(...(await seriousViolations(app.page)).map((line) => `${mode} · ${screen.name} · ${line}`))
    }
    return found
  }

  async function settings(...taps: string[]) {
    await app.page.goto(`${app.api.base}/#/features/me/pages/settings/index`)
    await app.page.reload()
    for (const tap of taps) await app.visible(tap).click()
  }

  it('in Chinese', async () => {
    expect(await auditEveryScreen('中文')).toEqual([])
  })

  it('in English', async () => {
    await settings('#lang-en')
    expect(await auditEveryScreen('English')).toEqual([])
  })

  it('in 长辈模式 (large text)', async () => {
    await settings('#lang-zh', '#large-font')
    expect(await auditEveryScreen('长辈模式')).toEqual([])
  })
})
