import { PINGYAO } from '../support/another-town'
import { callApi } from '../support/http'
import { openH5App, type H5App } from '../support/h5'

const ALL_DAY = Array.from({ length: 7 }, () => '08:00-20:00').join(';')
const PINGYAO_STATIONS = [
  { name: '南大街党群服务站', address: '平遥县古城南大街 58 号', lat: 37.2005, lng: 112.1812 },
  { name: '古县衙共产党员店', address: '平遥县古城政府街 69 号', lat: 37.1992, lng: 112.1776 },
  { name: '日升昌党员联系点', address: '平遥县古城西大街 38 号', lat: 37.2027, lng: 112.179 },
]

/** The three stations as an operator's stations sheet (CSV, the columns of the export), all new rows. */
const PINGYAO_SHEET = [
  'id,communityId,name,nameEn,kind,address,lat,lng,phone,hours,closedDates,services,pledges',
  ...PINGYAO_STATIONS.map(
    (s) => `,cm_paifang,${s.name},,service_station,${s.address},${s.lat},${s.lng},,${ALL_DAY},,hot_water,`,
  ),
].join('\r\n')

/**
 * Any old town: the district sets the town, imports its stations from a spreadsheet, and the app a visitor opens is
 * about that town.
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
    // Raw CSV bytes, which the JSON helper callApi does not send; the sheets API suites check this answer's shape.
    const imported = await fetch(`${base}/api/staff/sheets/stations?mode=apply`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv' },
      body: PINGYAO_SHEET,
    })
    expect(imported.status).toBe(200)
    expect(await imported.json()).toMatchObject({ created: 3, updated: 0, errors: [] })
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
