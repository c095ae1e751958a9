import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ensureTaroBuild } from '../../scripts/taro-build'
import { CHROMIUM_ARGS, ensureChromium } from '../support/chromium'
import { startApiProcess, type RunningServer } from '../support/server-process'

const ARTIFACTS = join(__dirname, '../artifacts')
/**
 * A browser reports WGS-84; this point is where a phone standing at the 牌坊街 station (GCJ-02 23.6665,
 * 116.6440) would put itself, so the app's conversion lands beside that station.
 */
const AT_PAIFANG_WGS84 = { latitude: 23.66922, longitude: 116.6396 }

/** Lets the H5 router's page slide finish, so a screenshot shows one page, as a person sees it. */
const settle = (page: Page) => page.waitForTimeout(600)

describe('H5 build in headless Chromium against the real API', () => {
  let api: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    ensureTaroBuild('h5')
    mkdirSync(ARTIFACTS, { recursive: true })
    api = await startApiProcess({ STATIC_DIR: join(__dirname, '../../dist/h5') })
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      geolocation: AT_PAIFANG_WGS84,
      permissions: ['geolocation'],
    })
    page = await context.newPage()
  }, 300_000)

  afterAll(async () => {
    await browser?.close()
    await api?.stop()
  })

  it('Home → 找热水 → the nearest station with hot water → its detail with navigate and call', async () => {
    await page.goto(`${api.base}/`)
    await page.locator('#need-hot_water').click()
    await page.waitForURL(/features\/stations\/index/)
    // Taro's H5 router keeps earlier pages in the DOM (hidden): look inside the Stations page only.
    const cards = page.locator('.stations .station-card')
    await cards.first().waitFor()
    expect(await cards.first().innerText()).toContain('牌坊街党群服务站')
    expect(await cards.first().innerText()).toMatch(/\d+ 米/)
    expect(await page.locator('#filter-hot_water').getAttribute('class')).toContain('chip--on')
    expect(await page.locator('.stations .station-card', { hasText: '西马路微阵地' }).count()).toBe(0)
    await settle(page)
    await page.screenshot({ path: join(ARTIFACTS, 'h5-stations.png') })

    await cards.first().click()
    await page.waitForURL(/features\/stations\/pages\/detail\/index\?id=st_paifangjie/)
    await page.locator('#navigate').waitFor()
    expect(await page.locator('#call').isVisible()).toBe(true)
    expect(await page.locator('.detail__name').innerText()).toBe('牌坊街党群服务站')
    expect(await page.locator('.detail__service').first().innerText()).toContain('热水')
    await settle(page)
    await page.screenshot({ path: join(ARTIFACTS, 'h5-station-detail.png') })
  })

  it('logs in as a demo resident and switches the whole app to English', async () => {
    await page.goto(`${api.base}/#/features/me/index`)
    await page.locator('#go-login').click()
    await page.locator('#login-resident').click()
    await page.waitForURL(/features\/me\/index/)
    await expect(page.locator('#me-role').innerText()).resolves.toBe('居民')

    await page.locator('#go-settings').click()
    await page.locator('#lang-en').click()
    await page.locator('#large-font').click()
    await page.goto(`${api.base}/#/features/stations/index`)
    await page.locator('.stations .station-card', { hasText: 'Paifang Street Party–Mass Service Station' }).first().waitFor()
    expect(await page.locator('#filter-all').innerText()).toBe('All')
    await settle(page)
    await page.screenshot({ path: join(ARTIFACTS, 'h5-stations-en-large.png') })
  })
})
