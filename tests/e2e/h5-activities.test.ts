import { readFileSync } from 'node:fs'
import { openH5App, type H5App } from '../support/h5'

describe('H5 志愿服务: a verified member signs up; staff see them on the attendance and in its CSV', () => {
  let app: H5App
  let api: H5App['api']
  let page: H5App['page']

  beforeAll(async () => {
    app = await openH5App()
    ;({ api, page } = app)
  }, 300_000)
  afterAll(() => app?.close())

  it('我的 → 我的志愿服务 → browse → sign up → listed as mine → on the staff attendance → in the downloaded CSV', async () => {
    await app.loginAs('member')
    const name = await page.locator('.me #me-name').innerText()
    await page.locator('.me #go-my-activities').click()
    await app.visible('text=还没有报名的活动').waitFor()
    await app.visible('#browse').click()
    const card = app.visible('#activity-ac_demo_cleanup')
    await card.waitFor()
    expect(await card.innerText()).toContain('还差 10 人')
    await app.screenshot('h5-activities')
    await card.click()
    await app.visible('#sign-up').click()
    const mine = app.visible('#my-signup')
    await mine.waitFor()
    expect(await mine.innerText()).toBe('已报名')
    expect(await app.visible('#places').innerText()).toBe('还差 9 人')
    await app.screenshot('h5-activity-signed-up')

    await page.goto(`${api.base}/#/features/activities/pages/mine/index`)
    await page.reload()
    const listed = app.visible('#activity-ac_demo_cleanup')
    await listed.waitFor()
    expect(await listed.innerText()).toContain('已报名')

    await app.loginAs('staff')
    await page.goto(`${api.base}/#/features/activities/pages/detail/index?id=ac_demo_cleanup`)
    await page.reload()
    await app.visible('#manage').click()
    const attendance = app.visible('#attendance')
    await attendance.waitFor()
    expect(await attendance.innerText()).toContain(name)
    expect(await attendance.innerText()).toContain('1/10')
    expect(await app.visible('#checkin-qr').getAttribute('data-code')).toMatch(/\S/)
    await app.screenshot('h5-activity-manage')

    const [download] = await Promise.all([page.waitForEvent('download'), app.visible('#export-csv').click()])
    expect(download.suggestedFilename()).toBe('activity-ac_demo_cleanup.csv')
    expect(readFileSync(await download.path(), 'utf8')).toContain(name)
  })
})
