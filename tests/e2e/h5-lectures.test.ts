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
    await page.locator('.taro-actionsheet__cell', { hasText: '晚上方便' }).click()
    await page.locator('.lectures #order-tp_health', { hasText: '已点单' }).waitFor()

    await page.locator('.lectures #tab-sessions').click()
    await page.locator('.lectures #session-ls_demo_history').click()
    await page.waitForURL(/pages\/session\/index\?id=ls_demo_history/)
    await app.visible('.session #book').click()
    await app.visible('.session #my-booking', { hasText: '已预约' }).waitFor()
    expect(await app.visible('.session #seats').innerText()).toBe('余 19 座')
    await app.screenshot('h5-session-booked')

    await app.visible('.session #guesthouse').click()
    await page.waitForURL(/pages\/guesthouse\/index\?id=gh_jiadi/)
    await app.visible('#session-ls_demo_history').waitFor()
    await app.visible('#navigate').waitFor()

    await page.goto(`${api.base}/#/features/lectures/pages/bookings/index`)
    const booked = app.visible('#session-ls_demo_history')
    await booked.waitFor()
    expect(await booked.innerText()).toContain('潮州历史文化')
    await booked.click()
    await app.visible('.session #cancel').click()
    await app.visible('.session #book').waitFor()
    expect(await app.visible('.session #seats').innerText()).toBe('余 20 座')
  })
})
