import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { geoJsonProblems } from '../../../../tests/support/geojson'
import { DEMO_STATIONS } from '../../demo/places'
import { distanceMetres } from '../../shared/geo'
import { wgs84ToGcj02 } from '../../../../src/features/stations/gcj02'
import type { StationFeatureCollection } from './schemas'

describe.each(DB_KINDS)('GET /api/stations.geojson on %s', (kind) => {
  let api: TestApi
  let staff: string
  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => new Date('2026-11-25T02:00:00Z') })
    staff = (await api.signIn('staff-opendata', 'staff')).token
  })
  afterAll(() => api.close())

  const feed = async (headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url: '/api/stations.geojson', headers })

  it('is a valid GeoJSON FeatureCollection with one Point per station, as application/geo+json', async () => {
    const res = await feed()
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8')
    const body = res.json<StationFeatureCollection>()
    expect(geoJsonProblems(body)).toEqual([])
    expect(body.features.map((f) => f.id).sort()).toEqual(DEMO_STATIONS.map((s) => s.id).sort())
    expect(body.features.every((f) => f.geometry.type === 'Point')).toBe(true)
  })

  it('gives WGS-84 positions: GCJ-02 of each is the stored position, some hundreds of metres from it', async () => {
    const { features } = (await feed()).json<StationFeatureCollection>()
    for (const stored of DEMO_STATIONS) {
      const [lng, lat] = features.find((f) => f.id === stored.id)!.geometry.coordinates
      // Back through the published forward offset, the point lands on the stored one (within 0.2 m)…
      expect(distanceMetres(wgs84ToGcj02(lat, lng), stored)).toBeLessThan(0.2)
      // …and it is not the stored point handed out as it was: in Chaozhou GCJ-02 is about half a kilometre off.
      expect(distanceMetres({ lat, lng }, stored)).toBeGreaterThan(300)
      expect(distanceMetres({ lat, lng }, stored)).toBeLessThan(800)
    }
  })

  it('says what a visitor can use there and nothing about people', async () => {
    const { features } = (await feed()).json<StationFeatureCollection>()
    const shop = features.find((f) => f.id === 'st_shop_beefball')!
    expect(Object.keys(shop.properties).sort()).toEqual(
      ['access', 'address', 'hours', 'id', 'kind', 'name', 'nameEn', 'services', 'updatedAt'].sort(),
    )
    // Its charger is under repair in the demo data: only what is available now is listed.
    expect(shop.properties.services).toEqual(['hot_water'])
    expect(shop.properties).toMatchObject({ name: '共产党员店·牛肉丸夜市铺', kind: 'party_member_shop' })
    expect(shop.properties.hours.weekly).toHaveLength(7)
  })

  it('may be cached for five minutes, then costs a 304 until a station changes', async () => {
    const first = await feed()
    expect(first.headers['cache-control']).toBe('public, max-age=300')
    const etag = String(first.headers.etag)
    const again = await feed({ 'if-none-match': etag })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')

    const toggled = await api.call('PATCH', '/api/stations/st_shop_beefball/services/charging', staff, {
      available: true,
    })
    expect(toggled.statusCode).toBe(200)
    const changed = await feed({ 'if-none-match': etag })
    expect(changed.statusCode).toBe(200)
    expect(changed.headers.etag).not.toBe(etag)
    const shop = changed.json<StationFeatureCollection>().features.find((f) => f.id === 'st_shop_beefball')!
    expect(shop.properties.services).toEqual(['hot_water', 'charging'])
    expect(shop.properties.updatedAt).toBe('2026-11-25T02:00:00.000Z')
  })

  it('is described in the OpenAPI document as application/geo+json', async () => {
    const document = (await api.call('GET', '/api/openapi.json')).json<{
      paths: Record<string, { get: { responses: Record<string, { content?: Record<string, unknown> }> } }>
    }>()
    const operation = document.paths['/api/stations.geojson']?.get
    expect(Object.keys(operation?.responses['200']?.content ?? {})).toEqual(['application/geo+json'])
    expect(operation?.responses['304']).toBeDefined()
  })
})
