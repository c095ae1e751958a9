import { DB_KINDS } from '../../../../tests/support/databases'
import { ONE_PIXEL_PNG } from '../../../../tests/support/images'
import type { TestApi } from '../../../../tests/support/api'
import { startWishesTown, WISH_BODY, WISH_PHONE, wishRow as rowOf } from '../../../../tests/support/wishes'
import { releaseStaleClaims } from './lifecycle'

describe.each(DB_KINDS)('micro-wishes on %s', (kind) => {
  let api: TestApi
  let now = new Date('2026-11-25T02:00:00Z')
  let tokens: Record<string, string>

  const wishRow = (id: string) => rowOf(api, id)

  beforeAll(async () => ({ api, tokens } = await startWishesTown(kind, () => now)))
  afterAll(() => api.close())

  async function publishedWish(body: object = WISH_BODY): Promise<string> {
    const created = await api.call('POST', '/api/wishes', tokens.张秀英, body)
    expect(created.statusCode).toBe(201)
    const id = created.json().wish.id
    expect(
      (await api.call('POST', `/api/wishes/${id}/review`, tokens.staffHere, { decision: 'approve' })).statusCode,
    ).toBe(200)
    return id
  }

  it('goes submit → review → claim → fulfil → confirm, with contact details only for those involved', async () => {
    const created = await api.call('POST', '/api/wishes', tokens.张秀英, { ...WISH_BODY, urgent: true })
    expect(created.json().wish).toMatchObject({ status: 'pending_review', contactPhone: WISH_PHONE })
    const id = created.json().wish.id
    expect((await api.call('GET', `/api/wishes/${id}`)).statusCode).toBe(404) // not on the wall before review

    await api.call('POST', `/api/wishes/${id}/review`, tokens.staffHere, { decision: 'approve' })
    const wall = await api.call('GET', '/api/wishes?communityId=cm_jiadi')
    expect(wall.json().items[0]).toMatchObject({ id, urgent: true, residentName: '张**' })

    const claimed = await api.call('POST', `/api/wishes/${id}/claim`, tokens.王党员)
    expect(claimed.statusCode).toBe(200)
    expect(claimed.json().wish).toMatchObject({ status: 'claimed', contactPhone: WISH_PHONE, residentName: '张秀英' })
    expect((await api.call('GET', `/api/wishes/${id}`, tokens.赵党员)).json().wish.contactPhone).toBeUndefined()

    const photo = async (who: string) =>
      (
        await api.app.inject({
          method: 'POST',
          url: '/api/uploads',
          payload: ONE_PIXEL_PNG,
          headers: { authorization: `Bearer ${tokens[who]}`, 'content-type': 'image/png' },
        })
      ).json().upload.id as string
    const notMine = await api.call('POST', `/api/wishes/${id}/fulfil`, tokens.王党员, {
      note: '已更换灯泡',
      photoId: await photo('赵党员'),
    })
    expect(notMine.statusCode).toBe(400)
    const proof = await photo('王党员')
    const fulfilled = (
      await api.call('POST', `/api/wishes/${id}/fulfil`, tokens.王党员, {
        note: '已更换灯泡',
        hours: 1.5,
        photoId: proof,
      })
    ).json().wish
    expect(fulfilled).toMatchObject({ status: 'fulfilled', fulfilPhoto: `/api/uploads/${proof}`, hoursServed: 1.5 })
    expect((await api.call('GET', `/api/wishes/${id}`)).json().wish.fulfilPhoto).toBeUndefined()
    expect(
      (await api.call('POST', `/api/wishes/${id}/confirm`, tokens.张秀英, { thanks: '谢谢小王！' })).json().wish.status,
    ).toBe('confirmed')

    const record = (await api.call('GET', '/api/me/member/record', tokens.王党员)).json()
    expect(record).toMatchObject({ wishesFulfilled: 1, hoursServed: 1.5 })
    const notices = await api.database.db.selectFrom('outbox').select('kind').execute()
    expect(notices.map((n) => n.kind)).toEqual(
      expect.arrayContaining([
        'urgent_wish_submitted',
        'wish_published',
        'wish_claimed',
        'wish_fulfilled',
        'wish_confirmed',
      ]),
    )
  })

  it('tells each person the steps they may take on a wish now, and only those', async () => {
    const created = await api.call('POST', '/api/wishes', tokens.张秀英, WISH_BODY)
    const id = created.json().wish.id
    expect(created.json().wish.actions).toEqual(['withdraw'])
    expect((await api.call('GET', `/api/wishes/${id}`, tokens.staffHere)).json().wish.actions).toEqual([
      'approve',
      'reject',
    ])
    expect((await api.call('GET', `/api/wishes/${id}`, tokens.staffThere)).statusCode).toBe(404)

    await api.call('POST', `/api/wishes/${id}/review`, tokens.staffHere, { decision: 'approve' })
    const actionsOf = async (who?: string) =>
      (await api.call('GET', `/api/wishes/${id}`, who && tokens[who])).json().wish.actions
    expect(await actionsOf()).toEqual([])
    expect(await actionsOf('tourist')).toEqual([])
    expect(await actionsOf('王党员')).toEqual(['claim'])
    expect(await actionsOf('张秀英')).toEqual(['withdraw'])

    expect((await api.call('POST', `/api/wishes/${id}/claim`, tokens.王党员)).json().wish.actions).toEqual([
      'fulfil',
      'release',
    ])
    expect(await actionsOf('赵党员')).toEqual([])
    expect(await actionsOf('张秀英')).toEqual([])
    expect(
      (await api.call('POST', `/api/wishes/${id}/fulfil`, tokens.王党员, { note: '已更换' })).json().wish.actions,
    ).toEqual([])
    expect(await actionsOf('张秀英')).toEqual(['confirm', 'dispute'])
    expect(
      (await api.call('POST', `/api/wishes/${id}/dispute`, tokens.张秀英, { reason: '还是不亮' })).json().wish.actions,
    ).toEqual([])
    expect(await actionsOf('staffHere')).toEqual(['settle', 'reopen'])
  })

  it('100 verified members claiming one wish at once: one 200, 99 × 409 WISH_ALREADY_CLAIMED', async () => {
    const id = await publishedWish()
    const members = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        api.signIn(`w-claimer-${kind}-${i}`, 'member', { nickname: `claimer-${kind}-${i}` }),
      ),
    )
    expect(members).toHaveLength(100)
    const results = await Promise.all(
      members.map((member) =>
        fetch(`${api.url}/api/wishes/${id}/claim`, {
          method: 'POST',
          headers: { authorization: `Bearer ${member.token}` },
        }).then(async (r) => ({ status: r.status, body: (await r.json()) as { error?: { code: string } } })),
      ),
    )
    expect(results.filter((r) => r.status === 200)).toHaveLength(1)
    const refused = results.filter((r) => r.status === 409)
    expect(refused).toHaveLength(99)
    expect(refused.every((r) => r.body.error?.code === 'WISH_ALREADY_CLAIMED')).toBe(true)
    const row = await wishRow(id)
    expect(row.status).toBe('claimed')
    expect(members.map((member) => member.user.id)).toContain(row.claimed_by)
  })

  it('never shows the phone or the full name on the public wall or public detail (raw JSON)', async () => {
    const id = await publishedWish()
    for (const res of [
      await api.call('GET', '/api/wishes'),
      await api.call('GET', `/api/wishes/${id}`),
      await api.call('GET', `/api/wishes/${id}`, tokens.tourist),
    ]) {
      expect(res.statusCode).toBe(200)
      expect(res.body).not.toContain(WISH_PHONE)
      expect(res.body).not.toContain('张秀英')
      expect(res.body).toContain('张**')
    }
  })

  it('opens with the demo wishes on the wall: urgent first, community in both languages, names masked, phones hidden', async () => {
    const wall = await api.call('GET', '/api/wishes?communityId=cm_xihu')
    expect(wall.json().items[0]).toMatchObject({
      id: 'wi_demo_medicine',
      urgent: true,
      communityName: '西湖社区',
      communityNameEn: 'West Lake Community',
    })
    expect(wall.body).toContain('陈**')
    expect(wall.body).not.toContain('陈秀珍')
    expect(wall.body).not.toContain('13800001111')
  })

  it('refuses a sensitive text with a clear message and writes nothing', async () => {
    const before = (await api.database.db.selectFrom('wishes').select('id').execute()).length
    const res = await api.call('POST', '/api/wishes', tokens.张秀英, {
      ...WISH_BODY,
      description: '有人在楼下搞网赌，帮忙看看',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'CONTENT_REJECTED', message: expect.stringContaining('描述') })
    expect((await api.database.db.selectFrom('wishes').select('id').execute()).length).toBe(before)
  })

  it('returns an unfulfilled claim to the wall after seven days, and a released claim with its reason', async () => {
    const stale = await publishedWish()
    await api.call('POST', `/api/wishes/${stale}/claim`, tokens.赵党员)
    now = new Date(now.getTime() + 8 * 24 * 3600_000)
    expect(await releaseStaleClaims(api.database.db, now)).toBeGreaterThanOrEqual(1)
    expect((await wishRow(stale)).status).toBe('published')

    await api.call('POST', `/api/wishes/${stale}/claim`, tokens.赵党员)
    expect((await api.call('POST', `/api/wishes/${stale}/release`, tokens.赵党员, {})).statusCode).toBe(400)
    expect(
      (await api.call('POST', `/api/wishes/${stale}/release`, tokens.赵党员, { reason: '临时出差' })).json().wish
        .status,
    ).toBe('published')
    const told = await api.database.db
      .selectFrom('outbox')
      .select('payload_json')
      .where('kind', '=', 'wish_released')
      .execute()
    expect(told.some((n) => JSON.parse(n.payload_json).reason === '临时出差')).toBe(true)
  })

  it('sorts the wall nearest first by the wish’s community, keeping urgent ones pinned', async () => {
    const jiadi = await publishedWish({ ...WISH_BODY, title: '甲第巷的心愿' })
    const created = await api.call('POST', '/api/wishes', tokens.张秀英, {
      ...WISH_BODY,
      title: '西湖边的心愿',
      communityId: 'cm_xihu',
    })
    const xihu = created.json().wish.id
    expect(
      (await api.call('POST', `/api/wishes/${xihu}/review`, tokens.staffThere, { decision: 'approve' })).statusCode,
    ).toBe(200)
    const wall = async (query: string) => (await api.call('GET', `/api/wishes?limit=50&${query}`)).json()
    const order = (items: { id: string }[]) => items.map((w) => w.id).filter((id) => id === jiadi || id === xihu)

    const nearXihu = await wall('sort=nearest&lat=23.6702&lng=116.6398')
    expect(order(nearXihu.items)).toEqual([xihu, jiadi])
    const xihuItem = nearXihu.items.find((w: { id: string }) => w.id === xihu)
    expect(xihuItem.distanceM).toBeLessThan(100)
    const nearJiadi = await wall('sort=nearest&lat=23.6650&lng=116.6470')
    expect(order(nearJiadi.items)).toEqual([jiadi, xihu])
    const urgentFirst = nearXihu.items.findIndex((w: { urgent: boolean }) => !w.urgent)
    expect(nearXihu.items.slice(urgentFirst).every((w: { urgent: boolean }) => !w.urgent)).toBe(true)

    const refused = await api.call('GET', '/api/wishes?sort=nearest')
    expect(refused.statusCode).toBe(400)
    expect((await wall('')).items[0].distanceM).toBeUndefined()
  })

  it('gives each staff user the figures of their own communities, counted from the database', async () => {
    const figures = async (who?: string) => api.call('GET', '/api/stats/communities', who && tokens[who])
    expect((await figures()).statusCode).toBe(401)
    expect((await figures('王党员')).statusCode).toBe(403)
    const before = (await figures('staffHere')).json().items
    expect(before.map((c: { communityId: string }) => c.communityId)).toEqual(['cm_jiadi'])
    const urgent = (await api.call('POST', '/api/wishes', tokens.张秀英, { ...WISH_BODY, urgent: true })).json().wish.id
    await api.call('POST', `/api/wishes/${urgent}/review`, tokens.staffHere, { decision: 'approve' })
    await api.call('POST', `/api/wishes/${urgent}/claim`, tokens.王党员)
    await api.call('POST', `/api/wishes/${urgent}/fulfil`, tokens.王党员, { note: '已送医' })
    const after = (await figures('staffHere')).json().items[0]
    expect(after.wishes.fulfilled).toBe(before[0].wishes.fulfilled + 1)
    expect(after.wishes.urgentSolved).toBe(before[0].wishes.urgentSolved + 1)
    expect(after.members).toMatchObject({ verified: expect.any(Number), pending: expect.any(Number) })
    expect(after.members.verified).toBeGreaterThanOrEqual(2)
    const elsewhere = (await figures('staffThere')).json().items
    expect(elsewhere.map((c: { communityId: string }) => c.communityId)).toEqual(['cm_xihu'])
  })

  it('lets the community’s staff settle a dispute either way, telling the member', async () => {
    const disputedWish = async () => {
      const id = await publishedWish()
      await api.call('POST', `/api/wishes/${id}/claim`, tokens.王党员)
      await api.call('POST', `/api/wishes/${id}/fulfil`, tokens.王党员, { note: '已更换' })
      expect(
        (await api.call('POST', `/api/wishes/${id}/dispute`, tokens.张秀英, { reason: '还在漏水' })).json().wish.status,
      ).toBe('disputed')
      return id
    }
    const queue = (await api.call('GET', '/api/wishes/review-queue', tokens.staffHere)).json().items
    const first = await disputedWish()
    expect((await api.call('GET', '/api/wishes/review-queue', tokens.staffHere)).json().items.length).toBe(
      queue.length + 1,
    )
    expect((await api.call('POST', `/api/wishes/${first}/settle`, tokens.staffHere, {})).statusCode).toBe(400)
    const settled = await api.call('POST', `/api/wishes/${first}/settle`, tokens.staffHere, {
      note: '上门看过，已修好',
    })
    expect(settled.json().wish).toMatchObject({ status: 'confirmed', reviewReason: '上门看过，已修好' })
    expect((await api.call('POST', `/api/wishes/${first}/reopen`, tokens.staffHere, { note: '再试' })).statusCode).toBe(
      409,
    )

    const second = await disputedWish()
    const reopened = await api.call('POST', `/api/wishes/${second}/reopen`, tokens.staffHere, { note: '另请党员帮忙' })
    expect(reopened.json().wish).toMatchObject({ status: 'published', claimedBy: null })
    const wall = (await api.call('GET', '/api/wishes')).json().items.map((w: { id: string }) => w.id)
    expect(wall).toContain(second)
    const released = await api.database.db
      .selectFrom('outbox')
      .select('payload_json')
      .where('kind', '=', 'wish_released')
      .execute()
    expect(released.some((n) => JSON.parse(n.payload_json).reason === '另请党员帮忙')).toBe(true)
  })

  it('takes photos by their content and size, and counts the figures from the database', async () => {
    const upload = await api.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: ONE_PIXEL_PNG,
      headers: { authorization: `Bearer ${tokens.张秀英}`, 'content-type': 'image/png' },
    })
    expect(upload.statusCode).toBe(201)
    const fake = await api.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: Buffer.from('<script>'),
      headers: { authorization: `Bearer ${tokens.张秀英}`, 'content-type': 'image/png' },
    })
    expect(fake.statusCode).toBe(415)
    const huge = await api.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: Buffer.alloc(3 * 1024 * 1024),
      headers: { authorization: `Bearer ${tokens.张秀英}`, 'content-type': 'image/jpeg' },
    })
    expect(huge.statusCode).toBe(413)
    const withPhoto = await api.call('POST', '/api/wishes', tokens.张秀英, {
      ...WISH_BODY,
      photoIds: [upload.json().upload.id],
    })
    expect(withPhoto.json().wish.photos).toEqual([`/api/uploads/${upload.json().upload.id}`])
    expect(
      (await api.call('POST', '/api/wishes', tokens.李大伯, { ...WISH_BODY, photoIds: [upload.json().upload.id] }))
        .statusCode,
    ).toBe(400)

    const stats = (await api.call('GET', '/api/stats')).json()
    const published = (
      await api.database.db.selectFrom('wishes').select('id').where('status', '=', 'published').execute()
    ).length
    expect(stats.wishes.published).toBe(published)
    expect(stats.stations).toBe(12)
    expect(stats.members.verified).toBeGreaterThanOrEqual(100)
  })

  it('deletes an account: name, phone, registration and photos go; the wish stays, anonymous', async () => {
    tokens.leaving = (await api.signIn('w-leaving', 'resident', { nickname: 'leaving' })).token
    const upload = await api.app.inject({
      method: 'POST',
      url: '/api/uploads',
      payload: ONE_PIXEL_PNG,
      headers: { authorization: `Bearer ${tokens.leaving}`, 'content-type': 'image/png' },
    })
    const photo = upload.json().upload
    const id = (await api.call('POST', '/api/wishes', tokens.leaving, { ...WISH_BODY, photoIds: [photo.id] })).json()
      .wish.id
    expect((await api.call('DELETE', '/api/me', tokens.leaving)).statusCode).toBe(200)
    expect((await api.call('GET', photo.url)).statusCode).toBe(404)
    expect((await api.call('GET', '/api/me', tokens.leaving)).statusCode).toBe(401)
    const row = await wishRow(id)
    expect(row).toMatchObject({ resident_id: null, contact_phone: null, photos_json: '[]' })
    const users = await api.database.db
      .selectFrom('users')
      .select('nickname')
      .where('nickname', '=', 'leaving')
      .execute()
    expect(users).toHaveLength(0)
  })
})
