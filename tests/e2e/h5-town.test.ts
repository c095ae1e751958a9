import { PINGYAO } from '../support/another-town'
import { callApi } from '../support/http'
import { openH5App, type H5App } from '../support/h5'

const ALL_DAY = { weekly: Array.from({ length: 7 }, () => [['08:00', '20:00']]) }
const PINGYAO_STATIONS = [
  { name: '南大街党群服务站', address: '平遥县古城南大街 58 号', lat: 37.2005, lng: 112.1812 },
  { name: '古县衙共产党员店', address: '平遥县古城政府街 69 号', lat: 37.1992, lng: 112.1776 },
  { name: '日升昌党员联系点', address: '平遥县古城西大街 38 号', lat: 37.2027, lng: 112.179 },
]

/**
 * Any old town: the district sets the town, adds its stations, and the app a visitor opens is about that town. The
 * stations are created through the API (the spreadsheet import of issue 20 part 3 is not in this build).
 */
describe('the town is data: 平遥古城 in the H5 app', () => {
  let app: H5App

  beforeAll(async () => {
    // No position shared: the map opens at the town's centre.
    app = await openH5App()
    const { base } = app.api
    const district = await callApi(base, 'POST', '/api/auth/dev', {
      body: { openid: 'town-e2e-district', role: 'staff', nickname: '区级管理员' },
    })
    const token = district.body.token as string
    expect((await callApi(base, 'PATCH', '/api/town', { token, body: PINGYAO })).status).toBe(200)
    for (const station of PINGYAO_STATIONS) {
      const created = await callApi(base, 'POST', '/api/stations', {
        token,
        body: {
          ...station,
          communityId: 'cm_paifang',
          kind: 'service_station',
          hours: ALL_DAY,
          services: [{ key: 'hot_water', available: true }],
        },
      })
      expect(created.status).toBe(201)
    }
  }, 300_000)
  afterAll(() => app?.close())

  it('Home names the town and tells its intro', async () => {
    const { page, api } = app
    await page.goto(`${api.base}/#/features/home/index`)
    await app.visible('#home-town', { hasText: '平遥古城' }).waitFor()
    expect(await page.getByText(PINGYAO.intro).isVisible()).toBe(true)
    expect(await page.locator('body').innerText()).not.toContain('潮州古城')
    await app.screenshot('town-home-pingyao')
  })

  it('the map is the town’s, centred on it: its three stations in view, the demo town’s far outside', async () => {
    const { page, api } = app
    await page.goto(`${api.base}/#/features/stations/index`)
    await page.locator('.stations .station-card').first().waitFor()
    await page.locator('#view-map').click()
    const map = page.getByRole('region', { name: '平遥古城' })
    await map.waitFor()
    const box = (await map.boundingBox())!
    const inView = async (name: string) => {
      const marker = (await map.getByRole('button', { name, exact: true }).boundingBox())!
      return (
        marker.x >= box.x &&
        marker.x + marker.width <= box.x + box.width &&
        marker.y >= box.y &&
        marker.y <= box.y + box.height
      )
    }
    for (const { name } of PINGYAO_STATIONS) expect(await inView(name)).toBe(true)
    expect(await inView('牌坊街党群服务站')).toBe(false)
    await app.screenshot('town-map-pingyao')
  })

  it('About says whose app it is', async () => {
    const { page, api } = app
    await page.goto(`${api.base}/#/features/me/pages/about/index`)
    await app.visible('#about-what').waitFor()
    expect(await app.visible('#about-what').innerText()).toContain('平遥古城的党群服务小程序')
  })
})
