import { callApi } from '../support/http'
import { openH5App, type H5App } from '../support/h5'
import { ONE_PIXEL_PNG } from '../support/images'

/** 代办: the resident staff post for, who has no account, and the staff member's own phone. */
const RESIDENT = { name: '李秀兰', phone: '13811112222' }
const STAFF_PHONE = '13900001111'

describe('H5: a micro-wish from post to confirmation', () => {
  let app: H5App
  let api: H5App['api']
  let page: H5App['page']
  const loginAs = (role: Parameters<H5App['loginAs']>[0]) => app.loginAs(role)
  const shot = (name: string) => app.screenshot(`h5-wish-${name}`)

  beforeAll(async () => {
    app = await openH5App()
    ;({ api, page } = app)
  }, 300_000)
  afterAll(() => app?.close())
  const openWish = async (id: string) => {
    await page.goto(`${api.base}/#/features/wishes/pages/detail/index?id=${id}`)
    await page.reload()
    await app.visible('#wish-status').waitFor()
  }

  it('resident submits → staff approves → member claims → fulfils → resident confirms', async () => {
    await loginAs('resident')
    await page.goto(`${api.base}/#/features/wishes/pages/new/index`)
    await page.locator('#pick-repair').click()
    await page.locator('#wish-title input').fill('水龙头漏水')
    await page.locator('#wish-description textarea').fill('厨房水龙头一直滴水，一个人修不了。')
    await page.locator('#community-cm_paifang').click()
    await page.locator('#wish-phone input').fill('13922223333')
    await page.locator('#wish-submit').click()
    await page.waitForURL(/wishes\/pages\/mine\/index/)
    const card = app.visible('[id^="wish-wi_"]', { hasText: '水龙头漏水' })
    await card.waitFor()
    const wishId = (await card.getAttribute('id'))!.replace('wish-', '')
    expect(await card.innerText()).toContain('待审核')
    await shot('1-submitted')

    await loginAs('staff')
    await openWish(wishId)
    await app.visible('#wish-approve').click()
    await app.visible('#wish-status', { hasText: '已发布' }).waitFor()
    await shot('2-approved')

    await loginAs('member')
    await openWish(wishId)
    expect(await page.locator('#wish-phone').count()).toBe(0) // not before claiming
    await app.visible('#wish-claim').click()
    await app.visible('#wish-status', { hasText: '已认领' }).waitFor()
    expect(await app.visible('#wish-phone').innerText()).toBe('13922223333')
    await shot('3-claimed')
    await app.visible('#wish-note textarea').fill('已上门更换阀芯')
    const chooser = page.waitForEvent('filechooser')
    await app.visible('#add-photo').click()
    await (await chooser).setFiles({ name: 'done.png', mimeType: 'image/png', buffer: ONE_PIXEL_PNG })
    await app.visible('.form__photo-wrap').waitFor()
    await app.visible('#wish-hours input').fill('1.5')
    await app.visible('#wish-fulfil').click()
    await app.visible('#wish-status', { hasText: '已完成' }).waitFor()
    await app.visible('#wish-fulfil-photo').waitFor()
    await shot('4-fulfilled')

    await loginAs('resident')
    await openWish(wishId)
    await app.visible('#wish-confirm').click()
    await app.visible('#wish-status', { hasText: '已确认' }).waitFor()
    await shot('5-confirmed')

    await loginAs('member')
    await page.goto(`${api.base}/#/features/members/pages/register/index`)
    const record = app.visible('#member-record')
    await record.waitFor()
    expect(await record.innerText()).toMatch(/实现心愿\s*1/)

    const wall = await (await fetch(`${api.base}/api/wishes?status=confirmed`)).text()
    expect(wall).toContain('水龙头漏水')
    expect(wall).not.toContain('13922223333')
  })

  it('staff settle a dispute from the wish page: they read the resident’s reason and record what they found', async () => {
    const post = async (path: string, token?: string, body?: object) =>
      (await callApi(api.base, 'POST', path, { token, body })).body
    const login = async (openid: string, role: string) =>
      (await post('/api/auth/dev', undefined, { openid, role })).token as string
    const [resident, member, staff] = [
      await login('e2e-dispute-resident', 'resident'),
      await login('e2e-dispute-member', 'member'),
      await login('e2e-dispute-staff', 'staff'),
    ]
    const { wish } = await post('/api/wishes', resident, {
      category: 'repair',
      title: '楼道灯不亮',
      description: '三楼楼道灯坏了，晚上看不清台阶。',
      communityId: 'cm_paifang',
    })
    await post(`/api/wishes/${wish.id}/review`, staff, { decision: 'approve' })
    await post(`/api/wishes/${wish.id}/claim`, member)
    const proof = (await (
      await fetch(`${api.base}/api/uploads`, {
        method: 'POST',
        headers: { authorization: `Bearer ${member}`, 'content-type': 'image/png' },
        body: ONE_PIXEL_PNG,
      })
    ).json()) as { upload: { id: string; url: string } }
    await post(`/api/wishes/${wish.id}/fulfil`, member, { note: '已换灯泡', photoId: proof.upload.id })
    await post(`/api/wishes/${wish.id}/dispute`, resident, { reason: '换了还是不亮' })
    // Disputed, the wish is off the wall: its photo is refused to the public, and staff still see it in the app.
    expect((await fetch(`${api.base}${proof.upload.url}`)).status).toBe(404)

    await loginAs('staff')
    await openWish(wish.id)
    expect(await app.visible('#wish-dispute-reason').innerText()).toContain('换了还是不亮')
    const photo = await app.visible('#wish-fulfil-photo img').elementHandle()
    await page.waitForFunction((img) => img instanceof HTMLImageElement && img.complete && img.naturalWidth > 0, photo)
    await app.visible('#wish-note textarea').fill('电工上门查过，是开关坏了，已一并更换')
    await app.visible('#wish-settle').click()
    await app.visible('#wish-status', { hasText: '已确认' }).waitFor()
    await shot('6-dispute-settled')
  })

  it('双报到 sent again from a second device shows the registration on file instead of an error', async () => {
    await loginAs('resident')
    await page.goto(`${api.base}/#/features/members/pages/register/index`)
    await page.reload()
    await app.visible('#member-submit').waitFor()
    const registration = { realName: '陈志强', phone: '13811112222', workUnit: '市文广旅局', branch: '机关第二支部' }
    // While this form is open, the same person registers on another device.
    const token = await page.evaluate(
      () => (JSON.parse(localStorage.getItem('oth.token') ?? '{}') as { data?: string }).data,
    )
    expect(
      (await callApi(api.base, 'POST', '/api/members', { token, body: { ...registration, communityId: 'cm_paifang' } }))
        .status,
    ).toBe(201)

    for (const [field, value] of Object.entries(registration)) await app.visible(`#member-${field} input`).fill(value)
    await app.visible('#member-community-cm_paifang').click()
    await app.visible('#member-submit').click()
    await app.visible('#member-status', { hasText: '审核中' }).waitFor()
    expect(await page.locator('#member-submit').filter({ visible: true }).count()).toBe(0)
  })

  it('双报到 that cannot load the registration on file says so with a retry, never the empty form', async () => {
    await loginAs('member')
    await page.route('**/api/me/member', (route) => route.abort())
    await page.goto(`${api.base}/#/features/members/pages/register/index`)
    await page.reload()
    const refusal = app.visible('.state--error')
    await refusal.waitFor()
    expect(await refusal.innerText()).toContain('网络开小差了')
    expect(await page.locator('#member-submit').filter({ visible: true }).count()).toBe(0)
    await page.unroute('**/api/me/member')
    await refusal.locator('#retry').click()
    await app.visible('#member-status', { hasText: '已认证' }).waitFor()
    await app.visible('#member-record').waitFor()
  })

  it('staff post for 李秀兰 → 社区代提交 on the wall, her name masked, her phone nowhere public → staff confirm in her place', async () => {
    await loginAs('staff')
    await page.locator('.me #go-staff').click()
    await page.locator('#staff-on-behalf').click()
    await page.locator('#on-behalf').waitFor()
    await page.locator('#resident-name input').fill(RESIDENT.name)
    await page.locator('#resident-phone input').fill(RESIDENT.phone)
    await page.locator('#consent-phone').click()
    await page.locator('#pick-repair').click()
    await page.locator('#wish-title input').fill('帮独居老人修门锁')
    await page
      .locator('#wish-description textarea')
      .fill('李奶奶家的门锁坏了，关不严，她没有智能手机，电话里请社区代为提交。')
    await page.locator('#community-cm_paifang').click()
    await page.locator('#wish-phone input').fill(STAFF_PHONE)
    await page.locator('#wish-submit').click()

    // Published at once (no review: staff posted it), the resident and how she agreed shown to staff.
    await page.waitForURL(/wishes\/pages\/detail\/index\?id=wi_/)
    const wishId = new URL(page.url().replace('/#/', '/')).searchParams.get('id')!
    await app.visible('#wish-status', { hasText: '已发布' }).waitFor()
    expect(await app.visible('#wish-resident').innerText()).toBe(
      `代办居民：${RESIDENT.name} · ${RESIDENT.phone}（电话同意）`,
    )
    await shot('on-behalf-staff')

    // On the wall: 社区代提交, 李**, no phone.
    await page.goto(`${api.base}/#/features/wishes/index`)
    await page.reload()
    const card = app.visible(`#wish-${wishId}`)
    await card.waitFor()
    expect(await card.innerText()).toContain('社区代提交')
    expect(await card.innerText()).toContain('李**')
    const wall = await page.locator('body').innerText()
    expect(wall).not.toContain(RESIDENT.name)
    expect(wall).not.toContain(RESIDENT.phone)
    await card.scrollIntoViewIfNeeded()
    await shot('on-behalf-wall')

    // A resident opening it sees neither her name nor her phone, nor the staff member's.
    await loginAs('resident')
    await openWish(wishId)
    const seen = await page.locator('body').innerText()
    expect(seen).toContain('社区代提交')
    for (const secret of [RESIDENT.name, RESIDENT.phone, STAFF_PHONE]) expect(seen).not.toContain(secret)

    // A member claims and fulfils it (the posting staff member is their contact) …
    const login = async (openid: string, role: string) =>
      (await callApi(api.base, 'POST', '/api/auth/dev', { body: { openid, role } })).body.token as string
    const member = await login('e2e-on-behalf-member', 'member')
    const claimed = await callApi(api.base, 'POST', `/api/wishes/${wishId}/claim`, { token: member })
    expect(claimed.status).toBe(200)
    expect(claimed.body.wish.contactPhone).toBe(STAFF_PHONE)
    const fulfilled = await callApi(api.base, 'POST', `/api/wishes/${wishId}/fulfil`, {
      token: member,
      body: { note: '已上门更换门锁', hours: 1 },
    })
    expect(fulfilled.status).toBe(200)

    // … and the staff confirm it done in her place.
    await loginAs('staff')
    await openWish(wishId)
    await app.visible('#wish-status', { hasText: '已完成' }).waitFor()
    await app.visible('#wish-confirm').click()
    await app.visible('#wish-status', { hasText: '已确认' }).waitFor()
    const confirmed = await callApi(api.base, 'GET', `/api/wishes/${wishId}`)
    expect(confirmed.body.wish).toMatchObject({ status: 'confirmed', onBehalf: true, residentName: '李**' })
    expect(JSON.stringify(confirmed.body)).not.toContain(RESIDENT.phone)
  })

  it('ran under the server’s Content-Security-Policy without a single refusal', () => {
    expect(app.cspRefusals).toEqual([])
  })
})
