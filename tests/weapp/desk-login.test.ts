/** @jest-environment jsdom */
import { callApi } from '../support/http'
import { builtWeappWithApi, signedIn as signedInAs } from '../support/weapp-suite'
import { installWxRuntime, renderPage } from '../support/wx-runtime'

/** 扫码登录 from the phone: 我的 → 扫码登录电脑端 reads a desk's code, and only the confirm screen approves it. */
describe('weapp 扫码登录电脑端 (compiled, driven by miniprogram-simulate)', () => {
  const api = builtWeappWithApi()

  const signedIn = async (role: 'staff' | 'resident') =>
    (await signedInAs(api.base, `desk-weapp-${role}`, role, role === 'staff' ? '值班员小林' : '居民老陈')).storage
  const deskCode = async () =>
    (await callApi(api.base, 'POST', '/api/auth/desk')).body as { ticket: string; secret: string; qrText: string }

  it('a staff member scans the desk’s code: the confirm screen names the browser and warns; confirming signs the desk in', async () => {
    const code = await deskCode()
    const wx = installWxRuntime({ api: api.base, scan: code.qrText, storage: await signedIn('staff') })
    const me = renderPage('features/me/index')
    await me.waitFor('扫码登录电脑端')
    me.tap('#go-desk-scan')
    const confirmUrl = `/features/me/pages/desk-login/index?ticket=${code.ticket}`
    await me.waitFor(() => wx.navigations.includes(confirmUrl))
    // Scanning alone approved nothing.
    expect(
      (await callApi(api.base, 'POST', `/api/auth/desk/${code.ticket}/poll`, { body: { secret: code.secret } })).body,
    ).toEqual({
      status: 'pending',
    })

    const confirm = renderPage('features/me/pages/desk-login/index', { ticket: code.ticket })
    await confirm.waitFor('在电脑上登录运营台？')
    expect(confirm.html()).toContain('未知浏览器 unknown browser')
    expect(confirm.html()).toMatch(/\d{2}:\d{2}（\d+ 秒前）/)
    expect(confirm.html()).toContain('只确认您自己电脑屏幕上刚刚出现的登录码')
    confirm.tap('#desk-login-confirm')
    await confirm.waitFor('已确认，电脑上的运营台正在登录')
    const poll = await callApi(api.base, 'POST', `/api/auth/desk/${code.ticket}/poll`, {
      body: { secret: code.secret },
    })
    expect(poll.body).toEqual({ status: 'approved', token: expect.any(String) })
    const desk = await callApi(api.base, 'GET', '/api/me', { token: poll.body.token })
    expect(desk.body.user.nickname).toBe('值班员小林')
  })

  it('a code that is not a desk’s is said to be so; a resident cannot approve one', async () => {
    const wx = installWxRuntime({
      api: api.base,
      scan: 'https://example.com/not-a-desk',
      storage: await signedIn('staff'),
    })
    const me = renderPage('features/me/index')
    await me.waitFor('扫码登录电脑端')
    me.tap('#go-desk-scan')
    await me.waitFor(() => wx.toasts.includes('这不是运营台的登录码'))

    const code = await deskCode()
    installWxRuntime({ api: api.base, storage: await signedIn('resident') })
    expect(renderPage('features/me/index').html()).not.toContain('扫码登录电脑端')
    const confirm = renderPage('features/me/pages/desk-login/index', { ticket: code.ticket })
    await confirm.waitFor('您没有权限执行此操作')
    expect(confirm.html()).not.toContain('确认登录')
  })
})
