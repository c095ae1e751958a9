import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

describe.each(DB_KINDS)('guesthouses on %s', (kind) => {
  let api: TestApi
  let tokens: Record<string, string>

  beforeAll(async () => {
    api = await startTestApi({ kind })
    tokens = await api.signInEach('gh-', [
      ['staff', 'staff'],
      ['ana', 'resident'],
      ['tourist', 'tourist'],
    ])
  })
  afterAll(() => api.close())

  it('lets staff add and edit guesthouses, which residents then see; others are refused and nothing changes', async () => {
    const place = {
      communityId: 'cm_paifang',
      name: '太平路·骑楼书院',
      address: '潮州市湘桥区太平路 120 号',
      lat: 23.6671,
      lng: 116.6449,
      roomsNote: '二楼，可坐 18 人',
    }
    for (const who of [undefined, 'tourist', 'ana']) {
      expect((await api.call('POST', '/api/guesthouses', who && tokens[who], place)).statusCode).toBe(who ? 403 : 401)
    }
    expect((await api.call('POST', '/api/guesthouses', tokens.staff, { ...place, lat: 123 })).statusCode).toBe(400)
    expect(
      (await api.call('POST', '/api/guesthouses', tokens.staff, { ...place, photos: ['/api/uploads/up_nothing'] }))
        .statusCode,
    ).toBe(400)
    expect((await api.call('GET', '/api/guesthouses')).json().items.map((g: { name: string }) => g.name)).not.toContain(
      place.name,
    )

    const created = await api.call('POST', '/api/guesthouses', tokens.staff, place)
    expect(created.statusCode).toBe(201)
    const { guesthouse } = created.json()
    expect(guesthouse).toMatchObject({
      communityId: 'cm_paifang',
      name: place.name,
      roomsNote: '二楼，可坐 18 人',
      photos: [],
    })
    const edited = await api.call('PATCH', `/api/guesthouses/${guesthouse.id}`, tokens.staff, {
      roomsNote: '二楼，可坐 20 人',
    })
    expect(edited.json().guesthouse).toMatchObject({ name: place.name, roomsNote: '二楼，可坐 20 人' })
    expect((await api.call('PATCH', '/api/guesthouses/gh_nowhere', tokens.staff, { name: '无' })).statusCode).toBe(404)
    expect((await api.call('GET', '/api/guesthouses')).json().items.map((g: { id: string }) => g.id)).toContain(
      guesthouse.id,
    )
    const log = await api.database.db
      .selectFrom('audit_log')
      .select(['entity', 'action'])
      .where('entity', '=', 'guesthouse')
      .execute()
    expect(log).toEqual(
      expect.arrayContaining([
        { entity: 'guesthouse', action: 'create' },
        { entity: 'guesthouse', action: 'update' },
      ]),
    )
  })
})
