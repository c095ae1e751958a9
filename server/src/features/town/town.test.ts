import { PINGYAO } from '../../../../tests/support/another-town'
import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

describe.each(DB_KINDS)('the town on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>
  beforeAll(async () => {
    api = await startTestApi({ kind })
    tokens = await api.signInEach('town-', [
      ['district', 'staff'],
      ['community', 'staff', 'cm_paifang'],
      ['resident', 'resident'],
    ])
  })
  afterAll(() => api.close())

  it('starts as the town the app was written for, for anyone, revalidated by ETag', async () => {
    const reply = await api.call('GET', '/api/town')
    expect(reply.statusCode).toBe(200)
    expect(reply.json()).toMatchObject({
      name: '潮州古城',
      nameEn: 'Chaozhou old town',
      center: { lat: 23.6665, lng: 116.644 },
    })
    expect(reply.headers['cache-control']).toBe('no-cache')
    const again = await api.app.inject({ url: '/api/town', headers: { 'if-none-match': String(reply.headers.etag) } })
    expect(again.statusCode).toBe(304)
  })

  it('a district account changes it, audited, and everyone sees the new town', async () => {
    const changed = await api.call('PATCH', '/api/town', tokens.district, PINGYAO)
    expect(changed.statusCode).toBe(200)
    expect(changed.json()).toEqual(PINGYAO)
    expect((await api.call('GET', '/api/town')).json()).toEqual(PINGYAO)
    const moved = await api.call('PATCH', '/api/town', tokens.district, { zoom: 15 })
    expect(moved.json()).toEqual({ ...PINGYAO, zoom: 15 })
    const audit = await api.database.db.selectFrom('audit_log').selectAll().where('entity', '=', 'town').execute()
    expect(audit.map((row) => JSON.parse(row.detail_json))).toEqual([PINGYAO, { zoom: 15 }])
  })

  it('staff bound to a community get 403, others 403 or 401, and the town stays as it was', async () => {
    const before = (await api.call('GET', '/api/town')).json()
    const community = await api.call('PATCH', '/api/town', tokens.community, { name: '别的古城' })
    expect(community.statusCode).toBe(403)
    expect(community.json().error.message).toContain('区级')
    expect((await api.call('PATCH', '/api/town', tokens.resident, { name: '别的古城' })).statusCode).toBe(403)
    expect((await api.call('PATCH', '/api/town', undefined, { name: '别的古城' })).statusCode).toBe(401)
    expect((await api.call('GET', '/api/town')).json()).toEqual(before)
  })

  it('refuses a bad centre, an empty change or a blank name, naming the field, and changes nothing', async () => {
    const before = (await api.call('GET', '/api/town')).json()
    const far = await api.call('PATCH', '/api/town', tokens.district, { center: { lat: 123, lng: 112 } })
    expect(far.statusCode).toBe(400)
    expect(far.json().error.details[0].field).toBe('center.lat')
    expect((await api.call('PATCH', '/api/town', tokens.district, {})).statusCode).toBe(400)
    expect((await api.call('PATCH', '/api/town', tokens.district, { name: '\u200B ' })).statusCode).toBe(400)
    expect((await api.call('PATCH', '/api/town', tokens.district, { zoom: 30 })).statusCode).toBe(400)
    expect((await api.call('GET', '/api/town')).json()).toEqual(before)
  })
})
