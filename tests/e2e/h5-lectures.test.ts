import { join } from 'node:path'
import { chromium, type Browser, type Page } from 'playwright-core'
import { ensureTaroBuild } from '../../scripts/taro-build'
import { CHROMIUM_ARGS, ensureChromium } from '../support/chromium'
import { startApiProcess, type RunningServer } from '../support/server-process'

const ARTIFACTS = join(__dirname, '../artifacts')

describe('H5: a resident books a micro-lecture and cancels it', () => {
  let api: RunningServer
  let browser: Browser
  let page: Page

  beforeAll(async () => {
    ensureTaroBuild('h5')
    api = await startApiProcess({ STATIC_DIR: join(__dirname, '../../dist/h5') })
    browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, locale: 'zh-CN' })
  }, 300_000)
  afterAll(async () => {
    await browser?.close()
    await api?.stop()
  })

  it('logs in → menu → session → book → My bookings → cancel', async () => {
    await page.goto(`${api.base}/#/features/me/index`)
    await page.locator('#go-login').click()
    await page.locator('#login-resident').click()
    await page.waitForURL(/features\/me\/index/)

    await page.goto(`${api.base}/#/features/lectures/index`)
    await page.locator('.lectures #tab-menu').click()
    await page.locator('.lectures #order-tp_health').click()
    await page.locator('.lectures #order-tp_health', { hasText: '已点单' }).waitFor()

    await page.locator('.lectures #tab-sessions').click()
    await page.locator('.lectures #session-ls_demo_history').click()
    await page.waitForURL(/pages\/session\/index\?id=ls_demo_history/)
    await page.locator('.session #book').click()
    await page.locator('.session #my-booking', { hasText: '已预约' }).waitFor()
    expect(await page.locator('.session #seats').innerText()).toBe('余 19 座')
    await page.waitForTimeout(600)
    await page.screenshot({ path: join(ARTIFACTS, 'h5-session-booked.png') })

    await page.goto(`${api.base}/#/features/lectures/pages/bookings/index`)
    const booked = page.locator('#session-ls_demo_history').last()
    await booked.waitFor()
    expect(await booked.innerText()).toContain('潮州历史文化')
    await booked.click()
    await page.locator('.session #cancel').last().click()
    await page.locator('.session #book').last().waitFor()
    expect(await page.locator('.session #seats').last().innerText()).toBe('余 20 座')
  })
})
