import { openH5App, type H5App } from '../support/h5'

/**
 * A browser reports WGS-84; this point is where a phone standing at the 牌坊街 station (GCJ-02 23.6665,
 * 116.6440) would put itself, so the app's conversion lands beside that station.
 */
const AT_PAIFANG_WGS84 = { latitude: 23.66922, longitude: 116.6396 }

describe('H5 build in headless Chromium against the real API', () => {
  let app: H5App
  let api: H5App['api']
  let page: H5App['page']

  beforeAll(async () => {
    app = await openH5App({ geolocation: AT_PAIFANG_WGS84, permissions: ['geolocation'] })
    ;({ api, page } = app)
  }, 300_000)
  afterAll(() => app?.close())

  it('Home → 找热水 → the nearest station with hot water → its detail with navigate and call', async () => {
    await page.goto(`${api.base}/`)
    // Home also shows the next micro-lecture and the most pressing wish (urgent ones first), from the same API.
    await page.locator('#home-next-lecture .session-card').waitFor()
    await page.locator('#home-top-wish .wish-card', { hasText: '帮忙代买降压药' }).waitFor()
    await app.screenshot('h5-home')
    await page.locator('#need-hot_water').click()
    await page.waitForURL(/features\/stations\/index/)
    // Taro's H5 router keeps earlier pages in the DOM (hidden): look inside the Stations page only.
    const cards = page.locator('.stations .station-card')
    await cards.first().waitFor()
    expect(await cards.first().innerText()).toContain('牌坊街党群服务站')
    expect(await cards.first().innerText()).toMatch(/\d+ 米/)
    expect(await page.locator('#filter-hot_water').getAttribute('class')).toContain('chip--on')
    expect(await page.locator('.stations .station-card', { hasText: '西马路微阵地' }).count()).toBe(0)
    await app.screenshot('h5-stations')

    await cards.first().click()
    await page.waitForURL(/features\/stations\/pages\/detail\/index\?id=st_paifangjie/)
    await page.locator('#navigate').waitFor()
    expect(await page.locator('#call').isVisible()).toBe(true)
    expect(await page.locator('.detail__name').innerText()).toBe('牌坊街党群服务站')
    expect(await page.locator('.detail__service').first().innerText()).toContain('热水')
    await app.screenshot('h5-station-detail')
  })

  it('无障碍 chips: ticked facts add up, the list keeps the stations that have them all, each chip says it is ticked', async () => {
    await page.goto(`${api.base}/#/features/stations/index`)
    await page.locator('#filter-all').click()
    const stepFree = page.locator('#access-stepFree')
    expect(await stepFree.getAttribute('role')).toBe('checkbox')
    expect(await stepFree.getAttribute('aria-checked')).toBe('false')
    await stepFree.click()
    await page.locator('#access-babyCare').click()
    await page.locator('.stations .station-card', { hasText: '西湖公园党群服务站' }).waitFor()
    await page.waitForFunction(() => !document.querySelector('.stations__content--stale'))
    const names = await page.locator('.stations .station-card .name').allInnerTexts()
    expect(names.sort()).toEqual(['牌坊街党群服务站', '西湖公园党群服务站'])
    expect(await stepFree.getAttribute('aria-checked')).toBe('true')
    expect(await page.locator('#access-babyCare').getAttribute('aria-checked')).toBe('true')
    await app.screenshot('h5-stations-access')
    await stepFree.click()
    await page.locator('#access-babyCare').click()
    await page.locator('.stations .station-card', { hasText: '西马路微阵地' }).waitFor()
  })

  it('logs in as a demo resident and switches the whole app to English', async () => {
    await app.loginAs('resident')
    await expect(page.locator('#me-role').innerText()).resolves.toBe('居民')

    await page.locator('#go-settings').click()
    await page.locator('#lang-en').click()
    // The page in view retitles itself at once; the tabs underneath when they are shown again.
    await page.waitForFunction(() => document.title === 'Settings')
    await page.locator('#large-font').click()
    await page.goto(`${api.base}/#/features/stations/index`)
    await page
      .locator('.stations .station-card', { hasText: 'Paifang Street Party–Mass Service Station' })
      .first()
      .waitFor()
    expect(await page.locator('#filter-all').innerText()).toBe('All')
    // The bar title too, not the Chinese one from the page's config (Taro H5 shows it as document.title).
    expect(await page.title()).toBe('Service stations')
    await app.screenshot('h5-stations-en-large')
  })

  it('ran under the server’s Content-Security-Policy without a single refusal', () => {
    expect(app.cspRefusals).toEqual([])
  })
})
