import type { StationListResponse } from '@contract'
import { callApi } from '../support/http'
import { openH5App, type H5App } from '../support/h5'

/** Where a phone at the 牌坊街 station puts itself in WGS-84 (see h5-stations.test.ts). */
const AT_PAIFANG_WGS84 = { latitude: 23.66922, longitude: 116.6396 }

describe('H5 驿站 → 地图 (Leaflet) in headless Chromium, offline as the tests are', () => {
  let app: H5App

  beforeAll(async () => {
    app = await openH5App({ geolocation: AT_PAIFANG_WGS84, permissions: ['geolocation'] })
  }, 300_000)
  afterAll(() => app?.close())

  it('puts every station on the map as a marker named after it; a tap shows its card, the card opens the detail', async () => {
    const { page, api } = app
    const { items } = (await callApi(api.base, 'GET', '/api/stations?limit=20')).body as StationListResponse
    await page.goto(`${api.base}/#/features/stations/index`)
    await page.locator('.stations .station-card').first().waitFor()
    await page.locator('#view-map').click()

    const map = page.locator('.stations .leaflet-container')
    await map.waitFor()
    await expect(map.locator('.leaflet-marker-icon').count()).resolves.toBe(items.length)
    for (const station of items) {
      await expect(map.getByRole('button', { name: station.name, exact: true }).count()).resolves.toBe(1)
    }
    // No tiles without the internet: the note says so, and the visitor, the scale and the markers remain.
    await page.locator('#map-offline').waitFor()
    expect(await map.locator('.leaflet-control-scale').isVisible()).toBe(true)
    expect(await map.locator('path.leaflet-interactive').count()).toBe(1)

    await map.getByRole('button', { name: '牌坊街党群服务站', exact: true }).dispatchEvent('click')
    const card = page.locator('#map-selected .station-card')
    await card.waitFor()
    expect(await card.innerText()).toContain('牌坊街党群服务站')
    await app.screenshot('h5-map')
    await card.click()
    await page.waitForURL(/features\/stations\/pages\/detail\/index\?id=st_paifangjie/)
    await app.visible('.detail__name', { hasText: '牌坊街党群服务站' }).waitFor()
    expect(app.cspRefusals).toEqual([])
  })
})
