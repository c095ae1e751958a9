import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { ONE_PIXEL_PNG } from '../../../../tests/support/images'
import type { StationCreate } from './schemas'

const newStation: StationCreate = {
  communityId: 'cm_dongmen',
  name: '东门街党群服务站',
  nameEn: 'Dongmen Street Service Station',
  kind: 'service_station',
  address: '潮州市湘桥区东门街 1 号',
  lat: 23.6671,
  lng: 116.6502,
  phone: '0768-2222099',
  hours: { weekly: Array.from({ length: 7 }, () => [['09:00', '20:00']] as [string, string][]) },
  services: [
    { key: 'hot_water', available: true },
    { key: 'wifi', available: true },
  ],
  pledges: [],
  photos: [],
}

describe.each(DB_KINDS)('station operations on %s', (kind) => {
  let api: TestApi
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    api = await startTestApi({ kind, clock: () => new Date('2026-11-25T02:00:00Z') })
    for (const role of ['tourist', 'resident', 'staff'] as const) {
      tokens[role] = (await api.signIn(`${role}-ops`, role)).token
    }
  })
  afterAll(() => api.close())

  it('shows a station in detail: services with their live state, pledges, today’s hours', async () => {
    const res = await api.call('GET', '/api/stations/st_shop_beefball?lat=23.6665&lng=116.644')
    expect(res.statusCode).toBe(200)
    const { station } = res.json()
    expect(station).toMatchObject({
      name: '共产党员店·牛肉丸夜市铺',
      kind: 'party_member_shop',
      todayHours: [['18:00', '02:00']],
    })
    expect(station.services).toEqual([
      { key: 'hot_water', available: true, note: null },
      { key: 'charging', available: false, note: '设备检修中' },
    ])
    expect(station.pledges.length).toBeGreaterThan(0)
    expect(station.distanceM).toBeGreaterThan(0)
  })

  it('answers an unknown station with 404', async () => {
    const res = await api.call('GET', '/api/stations/st_nowhere')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.message).toBe('找不到该服务站')
  })

  it('answers a repeated list request with 304 when nothing changed', async () => {
    const first = await api.call('GET', '/api/stations?service=wifi')
    expect(first.headers['cache-control']).toBe('no-cache')
    const etag = first.headers.etag as string
    expect(etag).toBeTruthy()
    const again = await api.app.inject({
      method: 'GET',
      url: '/api/stations?service=wifi',
      headers: { 'if-none-match': etag },
    })
    expect(again.statusCode).toBe(304)
    expect(again.body).toBe('')
    const detail = await api.call('GET', '/api/stations/st_xihu')
    const detailAgain = await api.app.inject({
      method: 'GET',
      url: '/api/stations/st_xihu',
      headers: { 'if-none-match': detail.headers.etag as string },
    })
    expect(detailAgain.statusCode).toBe(304)
  })

  it('changes the ETag as soon as staff change a station, so clients see it', async () => {
    const before = await api.call('GET', '/api/stations?service=umbrella')
    await api.call('PATCH', '/api/stations/st_micro_xiashuimen/services/umbrella', tokens.staff, { available: false })
    const after = await api.app.inject({
      method: 'GET',
      url: '/api/stations?service=umbrella',
      headers: { 'if-none-match': before.headers.etag as string },
    })
    expect(after.statusCode).toBe(200)
    expect(after.headers.etag).not.toBe(before.headers.etag)
  })

  it.each([
    ['anonymous', undefined, 401],
    ['tourist', 'tourist', 403],
    ['resident', 'resident', 403],
  ])('refuses staff changes from %s and changes nothing', async (_who, as, status) => {
    const before = await api.countRows('stations')
    expect((await api.call('POST', '/api/stations', as && tokens[as], newStation)).statusCode).toBe(status)
    expect((await api.call('PATCH', '/api/stations/st_xihu', as && tokens[as], { name: '改名' })).statusCode).toBe(
      status,
    )
    expect(
      (await api.call('PATCH', '/api/stations/st_xihu/services/hot_water', as && tokens[as], { available: false }))
        .statusCode,
    ).toBe(status)
    expect((await api.call('GET', '/api/stations/reports', as && tokens[as])).statusCode).toBe(status)
    expect(await api.countRows('stations')).toBe(before)
    const xihu = (await api.call('GET', '/api/stations/st_xihu')).json().station
    expect(xihu.name).toBe('西湖公园党群服务站')
    expect(xihu.services.find((s: { key: string }) => s.key === 'hot_water').available).toBe(true)
  })

  it('lets staff create a station that tourists then find, with the change on record', async () => {
    const created = await api.call('POST', '/api/stations', tokens.staff, newStation)
    expect(created.statusCode).toBe(201)
    const { station } = created.json()
    expect(station).toMatchObject({ name: '东门街党群服务站', communityId: 'cm_dongmen', openNow: true })
    const list = (await api.call('GET', '/api/stations?service=wifi&limit=100')).json()
    expect(list.items.map((s: { id: string }) => s.id)).toContain(station.id)
    const changes = (await api.call('GET', `/api/stations/${station.id}/changes`, tokens.staff)).json()
    expect(changes.items).toEqual([expect.objectContaining({ action: 'create', actorNickname: expect.any(String) })])
  })

  it('toggles a service in one call; the list shows it paused at once', async () => {
    const res = await api.call('PATCH', '/api/stations/st_kaiyuansi/services/hot_water', tokens.staff, {
      available: false,
      note: '热水器维修',
    })
    expect(res.statusCode).toBe(200)
    const list = (await api.call('GET', '/api/stations?limit=100')).json()
    const kaiyuan = list.items.find((s: { id: string }) => s.id === 'st_kaiyuansi')
    expect(kaiyuan.services.find((s: { key: string }) => s.key === 'hot_water').available).toBe(false)
    const changes = (await api.call('GET', '/api/stations/st_kaiyuansi/changes', tokens.staff)).json()
    expect(changes.items[0]).toMatchObject({ action: 'service', detail: { key: 'hot_water', available: false } })
  })

  it('shows a photo staff uploaded on the station page', async () => {
    const upload = await api.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: ONE_PIXEL_PNG,
      headers: { authorization: `Bearer ${tokens.staff}`, 'content-type': 'image/png' },
    })
    expect(upload.statusCode).toBe(201)
    const { url } = upload.json().upload
    const res = await api.call('PATCH', '/api/stations/st_hanwengong', tokens.staff, {
      photos: [url, 'https://img.example.cn/hanwengong.jpg'],
    })
    expect(res.statusCode).toBe(200)
    expect((await api.call('GET', '/api/stations/st_hanwengong')).json().station.photos).toEqual([
      url,
      'https://img.example.cn/hanwengong.jpg',
    ])
    const image = await api.call('GET', url)
    // Kept as re-encoded: a JPEG, whatever was sent.
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-type']).toBe('image/jpeg')

    // The staff member leaves; the photo stays with the station.
    expect((await api.call('DELETE', '/api/me', tokens.staff)).statusCode).toBe(200)
    expect((await api.call('GET', url)).statusCode).toBe(200)
    tokens.staff = (await api.signIn('staff-ops-2', 'staff')).token
  })

  it('edits a station: a patch changes only what it names', async () => {
    const res = await api.call('PATCH', '/api/stations/st_shop_tea', tokens.staff, { phone: '0768-2999999' })
    expect(res.statusCode).toBe(200)
    const { station } = res.json()
    expect(station).toMatchObject({ phone: '0768-2999999', name: '共产党员店·老街工夫茶铺' })
    expect(station.pledges).toHaveLength(3)
    expect(station.services.map((s: { key: string }) => s.key)).toEqual(['hot_water', 'charging', 'travel_info'])
  })

  it.each([
    [
      'a service the station does not offer',
      'PATCH',
      '/api/stations/st_micro_xima/services/restroom',
      { available: false },
      404,
    ],
    ['an unknown service key', 'PATCH', '/api/stations/st_xihu/services/sauna', { available: false }, 400],
    ['coordinates out of range', 'POST', '/api/stations', { ...newStation, lat: 123 }, 400],
    [
      'a service listed twice',
      'POST',
      '/api/stations',
      { ...newStation, services: [{ key: 'wifi' }, { key: 'wifi' }] },
      400,
    ],
    [
      'an overnight range written wrongly',
      'POST',
      '/api/stations',
      { ...newStation, hours: { weekly: [[['25:00', '02:00']]] } },
      400,
    ],
    ['an empty patch', 'PATCH', '/api/stations/st_xihu', {}, 400],
    ['a photo that was never uploaded', 'PATCH', '/api/stations/st_xihu', { photos: ['/api/uploads/up_missing'] }, 400],
    ['a photo over plain http', 'PATCH', '/api/stations/st_xihu', { photos: ['http://example.com/a.jpg'] }, 400],
    ['an unknown station', 'PATCH', '/api/stations/st_nowhere', { name: '无' }, 404],
  ] as const)('refuses %s', async (_case, method, url, body, status) => {
    const before = await api.countRows('audit_log')
    const res = await api.call(method, url, tokens.staff, body)
    expect(res.statusCode).toBe(status)
    expect(res.json().error.messageEn).toBeTruthy()
    expect(await api.countRows('audit_log')).toBe(before)
  })

  it('takes problem reports from logged-in users only, rate-limited per hour', async () => {
    const report = (as?: string, body: object = { category: 'no_hot_water', text: '下午两点没有热水' }) =>
      api.call('POST', '/api/stations/st_paifangjie/reports', as && tokens[as], body)
    expect((await report()).statusCode).toBe(401)
    for (let i = 0; i < 3; i++) expect((await report('tourist')).statusCode).toBe(201)
    const limited = await report('tourist')
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error.code).toBe('RATE_LIMITED')
    expect((await report('resident')).statusCode).toBe(201)
  })

  it('refuses a report whose text fails the content check, writing nothing', async () => {
    const before = await api.countRows('station_reports')
    const res = await api.call('POST', '/api/stations/st_xihu/reports', tokens.resident, {
      category: 'other',
      text: '这里有人拉人去 赌 博',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'CONTENT_REJECTED' })
    expect(await api.countRows('station_reports')).toBe(before)
  })

  it('lets staff see open reports and resolve each once', async () => {
    const filed = await api.call('POST', '/api/stations/st_xihu/reports', tokens.resident, {
      category: 'closed_but_shown_open',
    })
    const { report } = filed.json()
    const open = (await api.call('GET', '/api/stations/reports', tokens.staff)).json()
    expect(open.items.map((r: { id: string }) => r.id)).toContain(report.id)
    const resolved = await api.call('POST', `/api/stations/reports/${report.id}/resolve`, tokens.staff, {
      note: '已核实，调整营业时间',
    })
    expect(resolved.statusCode).toBe(200)
    expect(resolved.json().report).toMatchObject({ status: 'resolved', resolutionNote: '已核实，调整营业时间' })
    expect((await api.call('POST', `/api/stations/reports/${report.id}/resolve`, tokens.staff, {})).statusCode).toBe(
      409,
    )
    const stillOpen = (await api.call('GET', '/api/stations/reports', tokens.staff)).json()
    expect(stillOpen.items.map((r: { id: string }) => r.id)).not.toContain(report.id)
  })
})
