import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core'
import { ensureTaroBuild } from '../../scripts/taro-build'
import { CHROMIUM_ARGS, ensureChromium } from './chromium'
import { startApiProcess, type RunningServer } from './server-process'

export const ARTIFACTS = join(__dirname, '../artifacts')

export interface H5App {
  api: RunningServer
  page: Page
  /**
   * The element on the page a person sees. Taro's H5 router keeps earlier pages of the stack in the DOM (hidden), so
   * the same id can exist several times; during a slide both pages are visible and the newest comes last.
   */
  visible(selector: string, options?: Parameters<Page['locator']>[1]): Locator
  /** What the browser refused under the server's Content-Security-Policy so far (its console messages). */
  cspRefusals: string[]
  /** Logs out whoever is in and logs in as that demo role through 我的 → 登录, as a person would. */
  loginAs(role: 'tourist' | 'resident' | 'member' | 'staff'): Promise<void>
  /** Waits for the router's page slide to end, then saves tests/artifacts/<name>.png. */
  screenshot(name: string): Promise<void>
  close(): Promise<void>
}

/** The H5 build served by a real API process, opened in headless Chromium on a phone-sized screen. */
export async function openH5App(context: BrowserContextOptions = {}): Promise<H5App> {
  ensureTaroBuild('h5')
  mkdirSync(ARTIFACTS, { recursive: true })
  const api = await startApiProcess({ STATIC_DIR: join(__dirname, '../../dist/h5') })
  const browser: Browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
  const page = await browser.newPage({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    ...context,
  })
  const cspRefusals: string[] = []
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) cspRefusals.push(message.text())
  })
  return {
    api,
    page,
    cspRefusals,
    visible: (selector, options) => page.locator(selector, options).filter({ visible: true }).last(),
    async loginAs(role) {
      await page.goto(`${api.base}/#/features/me/index`)
      await page.reload()
      if (await page.locator('.me #logout').isVisible()) await page.locator('.me #logout').click()
      await page.locator('.me #go-login').click()
      await page.locator(`#login-${role}`).click()
      await page.waitForURL(/features\/me\/index/)
    },
    async screenshot(name) {
      await page.waitForTimeout(600)
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`) })
    },
    async close() {
      await browser.close()
      await api.stop()
    },
  }
}
