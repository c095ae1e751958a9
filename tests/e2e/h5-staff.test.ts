import { callApi } from '../support/http'
import { openH5App, type H5App } from '../support/h5'
import { ONE_PIXEL_PNG } from '../support/images'

describe('H5: a tourist reports a problem; staff pause the service and resolve the report', () => {
  let app: H5App
  let api: H5App['api']
  let page: H5App['page']
  const loginAs = (role: Parameters<H5App['loginAs']>[0]) => app.loginAs(role)

  beforeAll(async () => {
    app = await openH5App()
    ;({ api, page } = app)
  }, 300_000)
  afterAll(() => app?.close())

  it('report → staff toggles hot water off → tourists see it paused → report resolved', async () => {
    await loginAs('tourist')
    await page.goto(`${api.base}/#/features/stations/pages/detail/index?id=st_xihu`)
    await page.locator('.detail #report').click()
    await page.locator('#report-no_hot_water').click()
    await page.locator('#report-text textarea').fill('下午没有热水')
    await page.locator('#report-submit').click()
    await page.locator('.detail #report').waitFor()

    await loginAs('staff')
    await page.locator('.me #go-staff').click()
    const figures = app.visible('#figures-cm_paifang')
    await figures.waitFor()
    expect(await figures.innerText()).toContain('双报到党员')
    await app.screenshot('h5-staff-home')
    // Their charts open on the figures page, titled for their communities, without the town's headline numbers.
    await page.locator('#staff-charts').click()
    await page.waitForURL(/features\/figures\/pages\/index\/index\?scope=mine/)
    const charts = app.visible('.figures-page', { has: page.locator('#mine-chart-weekly') })
    await charts.locator('#mine-chart-community canvas').waitFor()
    expect(await charts.locator('[id^="mine-chart-"] canvas').count()).toBe(4)
    expect(await charts.locator('[id^="figure-"]').count()).toBe(0)
    expect(await page.title()).toContain('本社区成效')
    await charts.locator('#mine-chart-community-toggle').click()
    expect(await charts.locator('#mine-chart-community [role="table"]').innerText()).toContain('牌坊街社区')
    await app.screenshot('h5-staff-charts')
    await page.goBack()
    await page.locator('#staff-stations').click()
    const toggle = page.locator('#toggle-st_xihu-hot_water')
    await toggle.waitFor()
    await toggle.click()
    await page.locator('#toggle-st_xihu-hot_water.chip--off').waitFor()

    await page.goto(`${api.base}/#/features/staff/pages/reports/index`)
    const report = page.locator('[id^="report-rp_"]', { hasText: '西湖公园党群服务站' })
    await report.waitFor()
    expect(await report.innerText()).toContain('下午没有热水')
    await app.screenshot('h5-staff-reports')
    await report.locator('[id^="resolve-"]').click()
    await app.visible('text=没有待处理的反馈').waitFor()

    const detail = (await (await fetch(`${api.base}/api/stations/st_xihu`)).json()) as {
      station: { services: { key: string; available: boolean }[] }
    }
    expect(detail.station.services.find((s) => s.key === 'hot_water')?.available).toBe(false)
  })

  it('staff create a station with the form and a photo; tourists then find it', async () => {
    await loginAs('staff')
    await page.goto(`${api.base}/#/features/staff/pages/station-edit/index`)
    const form = app.visible('.screen', { has: page.locator('#save-station') })
    await form.locator('#field-name input').fill('东门街党群服务站')
    await form.locator('#field-address input').fill('潮州市湘桥区东门街 1 号')
    await form.locator('#service-wifi').click()
    const chooser = page.waitForEvent('filechooser')
    await form.locator('#add-photo').click()
    // The form's strip shows the small copy the server made, not the full photo.
    const thumbnail = page.waitForResponse((response) => /\/api\/uploads\/up_[\w-]+\/thumb$/.test(response.url()))
    await (await chooser).setFiles({ name: 'front.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG })
    await form.locator('.form__photo-wrap').waitFor()
    expect((await thumbnail).status()).toBe(200)
    await form.locator('#save-station').click()
    await form.locator('text=create').waitFor()
    // Saved again, the same station changes: the form goes on from the station it created.
    await form.locator('#field-phone input').fill('0768-2222333')
    await form.locator('#save-station').click()
    await form.locator('text=update').waitFor()

    const list = (await (await fetch(`${api.base}/api/stations?service=wifi&limit=100`)).json()) as {
      items: { id: string; name: string }[]
    }
    const named = list.items.filter((s) => s.name === '东门街党群服务站')
    expect(named).toHaveLength(1)
    const created = named[0]!
    const { station } = (await (await fetch(`${api.base}/api/stations/${created.id}`)).json()) as {
      station: { phone: string | null; photos: string[] }
    }
    expect(station.phone).toBe('0768-2222333')
    expect(station.photos).toEqual([expect.stringMatching(/^\/api\/uploads\/up_/)])
    const photo = await fetch(`${api.base}${station.photos[0]}`)
    expect(photo.status).toBe(200)
    expect(photo.headers.get('content-type')).toBe('image/jpeg') // re-encoded, whatever was sent
  })

  it('staff open a station to edit it; one that is gone is told so, with a retry', async () => {
    await loginAs('staff')
    await page.goto(`${api.base}/#/features/staff/pages/station-edit/index?id=st_xihu`)
    const name = app.visible('#field-name input')
    await name.waitFor()
    expect(await name.inputValue()).toBe('西湖公园党群服务站')
    await page.goto(`${api.base}/#/features/staff/pages/station-edit/index?id=st_gone`)
    const refusal = app.visible('.state--error')
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain('找不到该服务站')
    expect(await refusal.locator('#retry').isVisible()).toBe(true)
  })

  it('staff schedule a session from demand, show a check-in code a booked resident can use, then move it to a bigger room', async () => {
    await loginAs('staff')
    await page.goto(`${api.base}/#/features/staff/pages/lectures/index`)
    await page.locator('#plan-tp_waste').click()
    await page.locator('#plan-capacity input').fill('12')
    await page.locator('#plan-speaker input').fill('环卫所 李师傅')
    await page.locator('#plan-submit').click()
    const card = app.visible('[id^="staff-session-ls_"]', { hasText: '垃圾分类' })
    await card.waitFor()
    const sessionId = (await card.getAttribute('id'))!.replace('staff-session-', '')

    // A resident books through the API and, standing in the room, scans the code the page shows.
    const post = (path: string, token?: string, body?: object) => callApi(api.base, 'POST', path, { token, body })
    const resident = (
      await post('/api/auth/dev', undefined, { openid: 'e2e-checkin', role: 'resident', nickname: '陈阿姨' })
    ).body.token as string
    expect((await post(`/api/lectures/sessions/${sessionId}/bookings`, resident)).status).toBe(201)

    await card.click()
    const qr = app.visible('#checkin-qr')
    await qr.waitFor()
    const code = (await qr.getAttribute('data-code'))!
    expect(code.startsWith(`${sessionId}.`)).toBe(true)
    await app.screenshot('h5-staff-checkin-qr')

    // The session is tomorrow evening: outside its window the code is refused with a clear reason.
    const early = await post(`/api/lectures/sessions/${sessionId}/checkins`, resident, { code })
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('CHECKIN_CLOSED')
    expect(await app.visible('.menu__item', { hasText: '陈阿姨' }).innerText()).toContain('未签到')

    // Staff move it to another room with more seats; only what changed is sent, and the page shows it.
    await app.visible('#edit-session').click()
    await app.visible('#plan-guesthouse-gh_xiashuimen').click()
    await app.visible('#plan-capacity input').fill('16')
    await app.visible('#plan-submit').click()
    await app.visible('.form__label', { hasText: '1/16' }).waitFor()
    const { session } = (await (await fetch(`${api.base}/api/lectures/sessions/${sessionId}`)).json()) as {
      session: { capacity: number; guesthouse: { id: string }; speaker: string }
    }
    expect(session).toMatchObject({ capacity: 16, guesthouse: { id: 'gh_xiashuimen' }, speaker: '环卫所 李师傅' })
  })

  it('staff add a guesthouse and a topic to the menu; residents then see both', async () => {
    await loginAs('staff')
    await page.goto(`${api.base}/#/features/staff/pages/places/index`)
    await app.visible('#add-place').click()
    await app.visible('#place-name input').fill('太平路·骑楼书院')
    await app.visible('#place-address input').fill('潮州市湘桥区太平路 120 号')
    await app.visible('#place-roomsNote input').fill('二楼，可坐 18 人')
    await app.visible('#place-save').click()
    await app.visible('.staff-station__name', { hasText: '太平路·骑楼书院' }).waitFor()

    await app.visible('#add-topic').click()
    await app.visible('#topic-title input').fill('防溺水安全')
    await app.visible('#topic-description textarea').fill('暑期前给家长和孩子讲讲韩江边的安全。')
    await app.visible('#topic-save').click()
    await app.visible('.staff-station__name', { hasText: '防溺水安全' }).waitFor()
    await app.visible('#feedback-summary').waitFor()
    await app.screenshot('h5-staff-places')

    const places = (await (await fetch(`${api.base}/api/guesthouses`)).json()) as {
      items: { name: string; roomsNote: string }[]
    }
    expect(places.items).toContainEqual(
      expect.objectContaining({ name: '太平路·骑楼书院', roomsNote: '二楼，可坐 18 人' }),
    )
    const menu = (await (await fetch(`${api.base}/api/lectures/topics`)).json()) as { items: { title: string }[] }
    expect(menu.items.map((x) => x.title)).toContain('防溺水安全')
  })
})
