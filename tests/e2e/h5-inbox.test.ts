import { openH5App, type H5App } from '../support/h5'

describe('H5 消息: what the server told a person stays readable in the app', () => {
  let app: H5App

  beforeAll(async () => {
    app = await openH5App()
  }, 300_000)
  afterAll(() => app?.close())

  it('a booking → 我的 shows one unread → 消息 lists the confirmation → it opens the session', async () => {
    const { page, api } = app
    await app.loginAs('resident')
    await page.goto(`${api.base}/#/features/lectures/pages/session/index?id=ls_demo_tea`)
    await app.visible('.session #book').click()
    await app.visible('.session #my-booking', { hasText: '已预约' }).waitFor()

    await page.goto(`${api.base}/#/features/me/index`)
    await page.reload()
    await page.locator('.me #go-inbox', { hasText: '消息（1 条未读）' }).waitFor()
    await page.locator('.me #go-inbox').click()
    await page.waitForURL(/features\/me\/pages\/inbox\/index/)
    const notice = app.visible('.inbox .inbox__item', { hasText: '预约成功' })
    await notice.waitFor()
    expect(await notice.innerText()).toContain('工夫茶')
    await app.screenshot('inbox')
    await notice.click()
    await page.waitForURL(/features\/lectures\/pages\/session\/index\?id=ls_demo_tea/)
  })
})
