/** @jest-environment jsdom */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import simulate from 'miniprogram-simulate'
import type { LectureSession, WishList } from '@contract'
import { STATION_DETAIL_PAGE } from '../../server/src/features/stations/door-code'
import { callApi } from '../support/http'
import { AT_PAIFANG, builtWeappWithApi, signedIn } from '../support/weapp-suite'
import { installWxRuntime, renderPage, WEAPP_ROOT, type WxRuntime } from '../support/wx-runtime'

async function until(check: () => boolean, what: string) {
  for (let waited = 0; !check(); waited += 50) {
    if (waited > 5000) throw new Error(`never happened: ${what}`)
    await simulate.sleep(50)
  }
}

/**
 * What a polished mini-program does in WeChat: large text when WeChat's is large, a restart offered for a new
 * version, a scanned door code opening its station, shares to Moments, and a booked lecture in the phone's calendar.
 */
describe('weapp WeChat manners (compiled, driven by miniprogram-simulate)', () => {
  const api = builtWeappWithApi()
  let wx: WxRuntime

  beforeAll(() => {
    // The app reads WeChat's text size when it launches, at the first page rendered below.
    wx = installWxRuntime({ api: api.base, location: AT_PAIFANG, fontSizeSetting: 22 })
  })

  it('starts in 长辈模式 when WeChat’s text is large, until the person switches it off in 设置', async () => {
    const settings = renderPage('features/me/pages/settings/index')
    await settings.waitFor('screen--large')
    expect(wx.storage.has('oth.largeFont')).toBe(false)
    settings.fire('#large-font', 'change', { value: false })
    await settings.waitFor((html) => !html.includes('screen--large'))
    // The choice is kept, so the next launch follows it rather than WeChat's size.
    expect(wx.storage.get('oth.largeFont')).toBe(false)
  })

  it('offers a restart when WeChat has downloaded a new version, and restarts when the person agrees', async () => {
    wx.updateReady()
    await until(() => wx.updatesApplied === 1, 'the restart into the new version')
    expect(wx.modals).toEqual([{ title: '新版本已就绪', content: '重启小程序即可使用新版本，现在重启吗？' }])
  })

  it('opens the station a scanned door code names (the page the poster’s 小程序码 points at, scene = its id)', async () => {
    const app = JSON.parse(readFileSync(join(WEAPP_ROOT, 'app.json'), 'utf8')) as {
      subPackages: { root: string; pages: string[] }[]
    }
    expect(app.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))).toContain(STATION_DETAIL_PAGE)
    installWxRuntime({ api: api.base, location: AT_PAIFANG })
    const page = renderPage(STATION_DETAIL_PAGE, { scene: encodeURIComponent('st_kaiyuansi') })
    await page.waitFor('开元寺党群服务站')
    expect(wx.requests.some((r) => r.includes('/api/stations/st_kaiyuansi?'))).toBe(true)
  })

  it('shares a station, a session and a wish to Moments and to a chat, naming what is shared', async () => {
    installWxRuntime({ api: api.base, location: AT_PAIFANG })
    const wishes = (await callApi(api.base, 'GET', '/api/wishes')).body as WishList
    const wish = wishes.items[0]!
    const shared: [string, Record<string, string>, string, string][] = [
      [STATION_DETAIL_PAGE, { scene: 'st_guangjimen' }, '广济门党群服务站', 'id=st_guangjimen'],
      ['features/lectures/pages/session/index', { id: 'ls_demo_tea' }, '工夫茶与非遗', 'id=ls_demo_tea'],
      ['features/wishes/pages/detail/index', { id: wish.id }, wish.title, `id=${wish.id}`],
    ]
    for (const [path, query, name, sharedQuery] of shared) {
      const page = renderPage(path, query)
      await page.waitFor(name)
      // Taro gives the page these handlers only when its config enables them; without one WeChat greys the menu item.
      const moments = page.share('onShareTimeline') as { title: string; query: string }
      expect(moments.title).toContain(name)
      expect(moments.query).toBe(sharedQuery)
      expect(page.share('onShareAppMessage')).toEqual({ title: moments.title, path: `/${path}?${sharedQuery}` })
    }
  })

  it('offers 添加到手机日历 once a seat is booked, with the session’s time, place and a reminder', async () => {
    const { storage } = await signedIn(api.base, 'manners-resident')
    installWxRuntime({ api: api.base, location: AT_PAIFANG, storage })
    const page = renderPage('features/lectures/pages/session/index', { id: 'ls_demo_tea' })
    await page.waitFor('工夫茶与非遗')
    expect(page.html()).not.toContain('添加到手机日历')
    page.tap('#book')
    await page.waitFor('添加到手机日历')
    page.tap('#add-calendar')
    await until(() => wx.calendarEvents.length === 1, 'an event added to the calendar')
    const { session } = (await callApi(api.base, 'GET', '/api/lectures/sessions/ls_demo_tea')).body as {
      session: LectureSession
    }
    expect(wx.calendarEvents[0]).toMatchObject({
      title: '工夫茶与非遗',
      startTime: Date.parse(session.startsAt) / 1000,
      endTime: Date.parse(session.endsAt) / 1000,
      location: `${session.guesthouse.name} ${session.guesthouse.address}`,
      description: `主讲 ${session.speaker}`,
      alarm: true,
      alarmOffset: 1800,
    })
    await until(() => wx.toasts.includes('已添加到日历'), 'the toast saying it was added')
  })
})
