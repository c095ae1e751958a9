import type { Stats } from '@contract'
import { callApi } from '../support/http'
import { openH5App, type H5App } from '../support/h5'

describe('H5 古城成效 in headless Chromium against the real API', () => {
  let app: H5App

  beforeAll(async () => {
    app = await openH5App()
  }, 300_000)
  afterAll(() => app?.close())

  it('Home → 古城成效 → the headline numbers and three drawn charts, each readable as a table', async () => {
    const { page, api } = app
    const stats = (await callApi(api.base, 'GET', '/api/stats')).body as Stats
    await page.goto(`${api.base}/`)
    await page.locator('#home-figures').waitFor()
    expect(await page.locator('#home-figures').innerText()).toContain(String(stats.wishes.fulfilled))
    await page.locator('#home-figures').click()
    await page.waitForURL(/features\/figures\/pages\/index\/index/)

    const figures = page.locator('.figures-page')
    await figures.locator('#figure-members').waitFor()
    expect(await figures.locator('#figure-members').innerText()).toContain(String(stats.members.verified))
    expect(await figures.locator('#figure-urgent').innerText()).toContain(String(stats.wishes.urgentSolved))
    const canvases = figures.locator('canvas')
    await expect(canvases.count()).resolves.toBe(4)
    // F2 drew on every canvas: some pixels are no longer transparent.
    await page.waitForFunction(() =>
      Array.from(document.querySelectorAll<HTMLCanvasElement>('.figures-page canvas')).every((canvas) => {
        const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height)
        return data.some((value: number, i: number) => i % 4 === 3 && value > 0)
      }),
    )
    expect(await figures.locator('#chart-weekly-canvas').getAttribute('aria-label')).toMatch(
      /近 12 周共解决心愿 \d+ 个/,
    )
    // The last headline numbers above the first two charts: what the README shows of the page.
    await figures.locator('#figure-urgent').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await app.screenshot('figures')

    // How quickly wishes are answered, and the weekly volunteering chart under the wishes' one.
    const review = figures.locator('#response-review')
    // The demo's wishes carry their own times: a fresh demo shows figures, not 暂无数据.
    expect(await review.innerText()).toMatch(/^(\d+(\.\d)? (分钟|小时)|\d+ 天( \d+ 小时)?)\s*审核用时/)
    expect(await figures.locator('#response-claim-on-target').innerText()).toMatch(/^\d+%\s*按时认领/)
    await figures.locator('#response-times').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await app.screenshot('figures-response')
    expect(await figures.locator('#chart-volunteering-canvas').getAttribute('aria-label')).toMatch(
      /近 12 周共开展志愿服务活动 \d+ 场，确认志愿服务 [\d.]+ 小时/,
    )
    await figures.locator('#chart-weekly').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await app.screenshot('figures-volunteering')

    await figures.locator('#chart-category-toggle').click()
    const table = figures.locator('#chart-category [role="table"]')
    await table.waitFor()
    expect(await table.innerText()).toContain('维修')
    await expect(canvases.count()).resolves.toBe(3)
    expect(app.cspRefusals).toEqual([])
  })

  it('speaks English and grows its text in 长辈模式, charts and community names included', async () => {
    const { page, api } = app
    await page.goto(`${api.base}/#/features/me/pages/settings/index`)
    await page.locator('#lang-en').click()
    await page.locator('#large-font').click()
    await page.goto(`${api.base}/#/features/figures/pages/index/index`)
    await page.reload()
    const figures = page.locator('.figures-page.screen--large')
    await figures.locator('#figure-members', { hasText: 'Registered members' }).waitFor()
    expect(await figures.locator('#chart-weekly').innerText()).toMatch(
      /In the last 12 weeks, \d+ wishes solved and \d+ lectures held/,
    )
    expect(await figures.locator('#chart-category').innerText()).toContain('Wishes by category')
    expect(await figures.locator('#response-review').innerText()).toContain('Time to review')
    expect(await figures.locator('#chart-volunteering').innerText()).toMatch(/\d+ volunteer activities held/)
    await figures.locator('#chart-category-toggle').click()
    expect(await figures.locator('#chart-category [role="table"]').innerText()).toContain('Repair')
    await figures.locator('#chart-weekly').evaluate((el) => el.scrollIntoView({ block: 'start' }))
    await app.screenshot('h5-figures-en-large')
    await figures.locator('#chart-community-toggle').click()
    expect(await figures.locator('#chart-community [role="table"]').innerText()).toContain('West Lake Community')
  })
})
