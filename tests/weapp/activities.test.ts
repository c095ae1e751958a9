/** @jest-environment jsdom */
import { callApi } from '../support/http'
import { AT_PAIFANG, builtWeappWithApi, signedIn } from '../support/weapp-suite'
import { installWxRuntime, renderPage } from '../support/wx-runtime'

const LIST = 'features/activities/pages/index/index'
const DETAIL = 'features/activities/pages/detail/index'

describe('weapp 志愿服务 pages (compiled, driven by miniprogram-simulate)', () => {
  const api = builtWeappWithApi()
  const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()

  /** A fresh activity of 牌坊街 published by a district staff account, starting in `startsIn` minutes. */
  async function published(title: string, volunteersNeeded: number, startsIn = 24 * 60) {
    const staff = await signedIn(api.base, 'weapp-activity-staff', 'staff')
    const { status, body } = await callApi(api.base, 'POST', '/api/activities', {
      token: staff.token,
      body: {
        title,
        kind: 'cleanup',
        description: '清理巷道杂物，手套由社区准备。',
        communityId: 'cm_paifang',
        address: '潮州市湘桥区太平路牌坊街北段',
        lat: 23.6668,
        lng: 116.6442,
        startsAt: minutes(startsIn),
        endsAt: minutes(startsIn + 120),
        volunteersNeeded,
      },
    })
    expect(status).toBe(201)
    return { id: (body as { activity: { id: string } }).activity.id, staff }
  }

  async function as(openid: string, role: 'resident' | 'member' | 'staff', scan?: string, nickname?: string) {
    const login = await signedIn(api.base, openid, role, nickname)
    return installWxRuntime({ api: api.base, storage: login.storage, location: AT_PAIFANG, scan })
  }

  it('lists upcoming activities with places left, and filters them by kind', async () => {
    const wx = await as('weapp-volunteer-lin', 'member')
    const page = renderPage(LIST)
    await page.waitFor('牌坊街环境卫生整治')
    await page.waitFor('甲第巷义诊')
    expect(page.html()).toMatch(/还差 \d+ 人/)
    page.tap('#kind-clinic')
    await page.waitFor((html) => html.includes('甲第巷义诊') && !html.includes('牌坊街环境卫生整治'))
    expect(wx.requests.some((r) => r.includes('/api/activities?') && r.includes('kind=clinic'))).toBe(true)
    page.tap('#activity-ac_demo_clinic')
    await page.waitFor(() => wx.navigations.includes('/features/activities/pages/detail/index?id=ac_demo_clinic'))
  })

  it('signs a verified member up, shows it in 我的志愿服务, and withdraws it before the start', async () => {
    const { id } = await published('古城墙脚清洁', 2)
    await as('weapp-volunteer-wu', 'member')
    const page = renderPage(DETAIL, { id })
    await page.waitFor('古城墙脚清洁')
    await page.waitFor('还差 2 人')
    page.tap('#sign-up')
    await page.waitFor((html) => html.includes('已报名') && html.includes('还差 1 人'))

    const mine = renderPage('features/activities/pages/mine/index')
    await mine.waitFor('古城墙脚清洁')
    expect(mine.html()).toContain('已报名')

    const again = renderPage(DETAIL, { id })
    await again.waitFor('取消报名')
    again.tap('#withdraw')
    await again.waitFor((html) => html.includes('还差 2 人') && !html.includes('已报名') && html.includes('报名参加'))
  })

  it('tells a resident who is not a verified member why they cannot sign up, and where to register', async () => {
    const { id } = await published('西马路垃圾分类劝导', 3)
    const wx = await as('weapp-not-a-member', 'resident')
    const page = renderPage(DETAIL, { id })
    await page.waitFor('双报到')
    expect(page.html()).not.toContain('报名参加')
    page.tap('#go-register')
    await page.waitFor(() => wx.navigations.includes('/features/members/pages/register/index'))
  })

  it('scans a volunteer in and out; staff set the hours with a reason; the record shows and certifies them', async () => {
    const { id, staff } = await published('太平路义务巡逻', 2, 20)
    const { body } = await callApi(api.base, 'GET', `/api/activities/${id}/checkin-code`, { token: staff.token })
    const { code } = body as { code: string }
    await as('weapp-volunteer-cai', 'member', code, '蔡志愿')
    const page = renderPage(DETAIL, { id })
    await page.waitFor('报名参加')
    page.tap('#sign-up')
    await page.waitFor('扫码签到')
    page.tap('#check-in')
    await page.waitFor((html) => html.includes('扫码签退') && html.includes('签到 '))
    page.tap('#check-out')
    await page.waitFor('已服务 0 小时')

    installWxRuntime({ api: api.base, storage: staff.storage, location: AT_PAIFANG })
    const manage = renderPage('features/activities/pages/manage/index', { id })
    await manage.waitFor('蔡志愿')
    expect(manage.html()).toContain('qr__cell')
    const attendance = (await callApi(api.base, 'GET', `/api/activities/${id}/attendance`, { token: staff.token }))
      .body as { items: { memberId: string }[] }
    const memberId = attendance.items[0]!.memberId
    manage.tap(`#person-${memberId}`)
    await manage.waitFor('核定 蔡志愿 的服务时长')
    manage.fire('#hours-value', 'input', { value: '2.5' })
    manage.fire('#hours-reason', 'input', { value: '提前到场布置，现场核实' })
    manage.tap('#hours-save')
    await manage.waitFor((html) => html.includes('2.5 小时') && html.includes('提前到场布置，现场核实'))
    expect(manage.elements().find((e) => e.attrs.id === `hours-${memberId}`)?.text).toBe('2.5 小时')

    // The volunteer's record counts the hours staff set, and a certificate of them can be asked for.
    await as('weapp-volunteer-cai', 'member', undefined, '蔡志愿')
    const record = renderPage('features/activities/pages/record/index')
    await record.waitFor('太平路义务巡逻')
    record.tap('#certificate-ask')
    await record.waitFor(/已确认服务 [\d.]+ 小时/)
    expect(record.html()).toMatch(/证明编号 [0-9A-Z]{4}-/)
  })
})
