import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { pdfPageCount as pagesOf } from '../../../../tests/support/pdf'
import { inkIn, scan } from '../../../../tests/support/scan'
import { startWechatStandIn } from '../../../../tests/support/wechat'
import { DEMO_STATIONS } from '../../demo/places'

describe.each(DB_KINDS)('door posters without WeChat credentials, on %s', (kind) => {
  let api: TestApi
  const tokens: Record<string, string> = {}
  beforeAll(async () => {
    api = await startTestApi({ kind, env: { PUBLIC_BASE_URL: 'https://hub.example.cn' } })
    Object.assign(
      tokens,
      await api.signInEach('posters-', [
        ['jiadi', 'staff', 'cm_jiadi'],
        ['paifang', 'staff', 'cm_paifang'],
        ['district', 'staff'],
        ['tourist', 'tourist'],
      ]),
    )
  })
  afterAll(() => api.close())

  it('prints an A5 poster whose QR code opens the station’s H5 page', async () => {
    const res = await api.call('GET', '/api/stations/st_paifangjie/poster.png')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    const { width, height, code } = scan(res.rawPayload)
    expect(width).toBeGreaterThanOrEqual(1240)
    expect(height / width).toBeCloseTo(210 / 148, 2)
    expect(code).toBe('https://hub.example.cn/#/features/stations/pages/detail/index?id=st_paifangjie')
  })

  it('prints each station’s own name: the name band differs between two stations and carries ink', async () => {
    const poster = async (id: string) => (await api.call('GET', `/api/stations/${id}/poster.png`)).rawPayload
    const [paifang, xihu] = await Promise.all([poster('st_paifangjie'), poster('st_xihu')])
    // The Chinese name is drawn from the font in the npm package: no system font is needed for it to show.
    expect(inkIn(paifang, 280, 380)).toBeGreaterThan(20_000)
    expect(inkIn(xihu, 280, 380)).toBeGreaterThan(20_000)
    expect(inkIn(paifang, 280, 380)).not.toBe(inkIn(xihu, 280, 380))
    expect(scan(xihu).code).toContain('id=st_xihu')
  })

  it('answers an unknown station with 404', async () => {
    const res = await api.call('GET', '/api/stations/st_nowhere/poster.png')
    expect(res.statusCode).toBe(404)
    expect(res.json().error.message).toBe('找不到该服务站')
  })

  it('prints one page per station a staff user acts for, and refuses visitors', async () => {
    const ofCommunity = (id: string) => DEMO_STATIONS.filter((s) => s.communityId === id).length
    const jiadi = await api.call('GET', '/api/staff/posters.pdf', tokens.jiadi)
    expect(jiadi.statusCode).toBe(200)
    expect(jiadi.headers['content-type']).toBe('application/pdf')
    expect(await pagesOf(jiadi.rawPayload)).toBe(ofCommunity('cm_jiadi'))
    const paifang = await api.call('GET', '/api/staff/posters.pdf', tokens.paifang)
    expect(await pagesOf(paifang.rawPayload)).toBe(ofCommunity('cm_paifang'))
    const district = await api.call('GET', '/api/staff/posters.pdf', tokens.district)
    expect(await pagesOf(district.rawPayload)).toBe(DEMO_STATIONS.length)
    expect((await api.call('GET', '/api/staff/posters.pdf', tokens.tourist)).statusCode).toBe(403)
    expect((await api.call('GET', '/api/staff/posters.pdf')).statusCode).toBe(401)
  })
})

describe('door posters with WeChat credentials: a 小程序码 of the station detail', () => {
  let wechat: Awaited<ReturnType<typeof startWechatStandIn>>
  let api: TestApi
  let staff: string
  beforeAll(async () => {
    wechat = await startWechatStandIn()
    api = await startTestApi({
      env: { AUTH_MODE: 'wechat', WX_APPID: 'wx-test', WX_SECRET: 'secret', WX_API_BASE: wechat.base },
    })
    staff = (await api.signIn('posters-wechat-staff', 'staff')).token
  })
  afterAll(async () => {
    await api.close()
    wechat.close()
  })

  it('lays the code WeChat made for scene = the station id and the detail page into the poster', async () => {
    const res = await api.call('GET', '/api/stations/st_paifangjie/poster.png')
    expect(res.statusCode).toBe(200)
    expect(scan(res.rawPayload).code).toBe('scene=st_paifangjie&page=features/stations/pages/detail/index')
    expect(wechat.wxacodes).toEqual([{ scene: 'st_paifangjie', page: 'features/stations/pages/detail/index' }])
  })

  it('asks WeChat once per station: a station changed and printed again keeps its code', async () => {
    const changed = await api.call('PATCH', '/api/stations/st_paifangjie/services/hot_water', staff, {
      available: false,
    })
    expect(changed.statusCode).toBe(200)
    const again = await api.call('GET', '/api/stations/st_paifangjie/poster.png')
    expect(again.statusCode).toBe(200)
    expect(wechat.wxacodes.filter((c) => c.scene === 'st_paifangjie')).toHaveLength(1)
  })

  it('answers 503 WECHAT_UNAVAILABLE while WeChat is down, and prints once it is back', async () => {
    wechat.setDown(true)
    const down = await api.call('GET', '/api/stations/st_xihu/poster.png')
    expect(down.statusCode).toBe(503)
    expect(down.headers['retry-after']).toBe('30')
    expect(down.json().error).toMatchObject({
      code: 'WECHAT_UNAVAILABLE',
      message: expect.stringContaining('小程序码'),
    })
    wechat.setDown(false)
    const back = await api.call('GET', '/api/stations/st_xihu/poster.png')
    expect(back.statusCode).toBe(200)
    expect(scan(back.rawPayload).code).toBe('scene=st_xihu&page=features/stations/pages/detail/index')
  })
})
