import { openH5App, type H5App } from '../support/h5'

describe('H5: a resident books a micro-lecture and cancels it', () => {
  let app: H5App
  let api: H5App['api']
  let page: H5App['page']

  beforeAll(async () => {
    app = await openH5App()
    ;({ api, page } = app)
  }, 300_000)
  afterAll(() => app?.close())

  it('logs in → menu → session → book → My bookings → cancel', async () => {
    await app.loginAs('resident')

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
    await app.screenshot('h5-session-booked')

    await page.locator('.session #guesthouse').last().click()
    await page.waitForURL(/pages\/guesthouse\/index\?id=gh_jiadi/)
    await page.locator('#session-ls_demo_history').last().waitFor()
    expect(await page.locator('#navigate').last().isVisible()).toBe(true)

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
