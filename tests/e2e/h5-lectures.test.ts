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
    // 添加到手机日历: in the browser a link to the session's iCalendar event, which the phone hands to its calendar.
    const calendar = app.visible('.session #add-calendar')
    expect(await calendar.innerText()).toBe('添加到手机日历')
    const href = (await calendar.getAttribute('href'))!
    expect(href).toBe(`${api.base}/api/lectures/sessions/ls_demo_history.ics?lang=zh`)
    const event = await page.request.get(href)
    expect(event.status()).toBe(200)
    expect(event.headers()['content-type']).toMatch(/^text\/calendar/)
    const ics = await event.text()
    expect(ics).toContain('BEGIN:VEVENT')
    expect(ics).toMatch(/DTSTART;TZID=Asia\/Shanghai:\d{8}T\d{6}/)
    expect(ics).toContain('潮州历史文化')
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
    expect(await page.locator('.session #add-calendar').count()).toBe(0)
  })
})
