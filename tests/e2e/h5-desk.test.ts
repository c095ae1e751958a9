import { copyFileSync, mkdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import jsQR from 'jsqr'
import type { Page } from 'playwright-core'
import { PNG } from 'pngjs'
import { callApi } from '../support/http'
import { ARTIFACTS, openH5App, type H5App } from '../support/h5'

const DESK_SECTIONS = [
  '服务站',
  '民居客栈',
  '微讲堂场次',
  '双报到审核',
  '问题反馈',
  '心愿审核',
  '表格导入导出',
  '古城设置',
]
const SCREENSHOTS = join(__dirname, '../../docs/screenshots')

/** What the desk's code says, read off the screen as a phone's camera would. */
async function scanDeskCode(page: Page): Promise<string> {
  const code = page.locator('#desk-code .qr')
  await code.waitFor()
  const png = PNG.sync.read(await code.screenshot())
  const read = jsQR(Uint8ClampedArray.from(png.data), png.width, png.height)
  expect(read?.data).toMatch(/^oldtown-desk:[\w-]{32}$/)
  return read!.data.slice('oldtown-desk:'.length)
}

describe('运营台 in Chromium at 1280×800: signed in by the code, staff sections, the stations table', () => {
  let app: H5App
  let staffToken: string

  beforeAll(async () => {
    app = await openH5App({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })
    const login = await callApi(app.api.base, 'POST', '/api/auth/dev', {
      body: { openid: 'desk-e2e-staff', role: 'staff', nickname: '值班员小陈' },
    })
    staffToken = login.body.token as string
    mkdirSync(SCREENSHOTS, { recursive: true })
  }, 300_000)
  afterAll(() => app?.close())

  const keepScreenshot = async (name: string) => {
    await app.screenshot(name)
    copyFileSync(join(ARTIFACTS, `${name}.png`), join(SCREENSHOTS, `${name}.png`))
  }

  it('shows a code without a session; approved by a staff member, it opens the desk: navigation and stations table', async () => {
    const { page, api } = app
    await page.goto(`${api.base}/#/desk`)
    const ticket = await scanDeskCode(page)
    await keepScreenshot('desk-sign-in')
    // Scanned but not approved: still the code.
    await page.waitForTimeout(2500)
    expect(await page.getByRole('navigation').count()).toBe(0)

    const approved = await callApi(api.base, 'POST', `/api/auth/desk/${ticket}/approve`, { token: staffToken })
    expect(approved.status).toBe(200)
    const nav = page.getByRole('navigation', { name: '运营台栏目' })
    await nav.waitFor()
    for (const name of DESK_SECTIONS)
      expect(await nav.getByRole('button', { name, exact: true }).isVisible()).toBe(true)
    expect(await nav.innerText()).toContain('值班员小陈')

    const table = page.getByRole('table', { name: '服务站' })
    await table.waitFor()
    expect(await table.locator('tbody tr').count()).toBe(10)
    expect(await page.getByText('第 1 / 2 页，共 12 条').isVisible()).toBe(true)
    await page.getByRole('button', { name: '下一页' }).click()
    expect(await table.locator('tbody tr').count()).toBe(2)

    await table.getByRole('button', { name: /名称/ }).click()
    expect(await table.locator('th[aria-sort="ascending"]').innerText()).toContain('名称')
    const names = await table.locator('tbody tr td:first-child').allInnerTexts()
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'zh')))
    await table.getByRole('button', { name: /名称/ }).click()
    expect(await table.locator('th[aria-sort="descending"]').count()).toBe(1)

    // Laid out for the screen: nothing scrolls sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
  })

  it('edits a station in the form beside the table; the API has the change', async () => {
    const { page, api } = app
    const table = page.getByRole('table', { name: '服务站' })
    const edit = table.getByRole('button', { name: '编辑 牌坊街党群服务站' })
    while (!(await edit.isVisible())) await page.getByRole('button', { name: '下一页' }).click()
    await edit.click()
    const form = page.getByRole('form', { name: '编辑：牌坊街党群服务站' })
    await form.waitFor()
    const tableBox = (await table.boundingBox())!
    const formBox = (await form.boundingBox())!
    expect(formBox.x).toBeGreaterThan(tableBox.x + tableBox.width - 1)
    await form.locator('input[name="phone"]').fill('0768-2345678')
    await form.locator('input[name="address"]').fill('潮州市湘桥区太平路牌坊街中段 12 号')
    await form.getByRole('button', { name: '保存' }).click()
    await form.getByRole('status').filter({ hasText: '已保存' }).waitFor()
    const { body } = await callApi(api.base, 'GET', '/api/stations/st_paifangjie')
    expect(body.station).toMatchObject({ phone: '0768-2345678', address: '潮州市湘桥区太平路牌坊街中段 12 号' })
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
    await keepScreenshot('desk-stations')
  })

  it('the phone’s confirm screen names the desk’s browser and when its code was made; confirming signs the desk in', async () => {
    const { page, api } = app
    await page.getByRole('button', { name: '退出登录' }).click()
    const ticket = await scanDeskCode(page)

    const phone = await page
      .context()
      .browser()!
      .newPage({
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        locale: 'zh-CN',
      })
    try {
      await phone.goto(`${api.base}/#/features/me/index`)
      await phone.locator('.me #go-login').click()
      await phone.locator('#login-staff').click()
      await phone.waitForURL(/features\/me\/index/)
      expect(await phone.locator('.me #go-desk-scan').isVisible()).toBe(true)
      await phone.goto(`${api.base}/#/features/me/pages/desk-login/index?ticket=${ticket}`)
      await phone.locator('#desk-login-question').filter({ hasText: '在电脑上登录运营台？' }).waitFor()
      expect(await phone.locator('#desk-login-browser').innerText()).toMatch(/^Chrome \d+ · Linux$/)
      expect(await phone.locator('#desk-login-made').innerText()).toMatch(/^\d{2}:\d{2}（\d+ 秒前）$/)
      expect(await phone.locator('#desk-login-warning').innerText()).toContain('只确认您自己电脑屏幕上')
      await phone.waitForTimeout(600)
      await phone.screenshot({ path: join(SCREENSHOTS, 'desk-phone-confirm.png') })
      await phone.locator('#desk-login-confirm').click()
      await phone.locator('#desk-login-question').filter({ hasText: '已确认' }).waitFor()
    } finally {
      await phone.close()
    }
    await page.getByRole('navigation', { name: '运营台栏目' }).waitFor()
  })

  it('downloads the stations CSV; one row changed previews as 1 updated, applies, and the stations table shows it', async () => {
    const { page, api } = app
    await page.getByRole('navigation').getByRole('button', { name: '表格导入导出', exact: true }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载服务站表格（.csv）' }).click(),
    ])
    expect(download.suggestedFilename()).toBe('stations.csv')
    const exported = readFileSync(await download.path(), 'utf8')
    expect(exported).toContain('太平路牌坊街中段 12 号')
    const changed = exported.replace('太平路牌坊街中段 12 号', '太平路牌坊街中段 18 号')

    await page.getByLabel('表格类别').selectOption({ label: '服务站' })
    await page
      .getByLabel(/表格文件/)
      .setInputFiles({ name: 'stations.csv', mimeType: 'text/csv', buffer: Buffer.from(changed) })
    await page.getByRole('button', { name: '预览', exact: true }).click()
    await page.getByRole('status').filter({ hasText: '预览：共 12 行，将新增 0 条、更新 1 条，11 条不变。' }).waitFor()
    expect(await page.getByText('没有发现问题。').isVisible()).toBe(true)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
    await keepScreenshot('desk-sheets')
    const before = await callApi(api.base, 'GET', '/api/stations/st_paifangjie')
    expect(before.body.station.address).toContain('12 号')

    await page.getByRole('button', { name: '导入', exact: true }).click()
    await page.getByRole('status').filter({ hasText: '已导入：共 12 行，新增 0 条、更新 1 条，11 条不变。' }).waitFor()
    const after = await callApi(api.base, 'GET', '/api/stations/st_paifangjie')
    expect(after.body.station.address).toBe('潮州市湘桥区太平路牌坊街中段 18 号')

    await page.getByRole('navigation').getByRole('button', { name: '服务站', exact: true }).click()
    const table = page.getByRole('table', { name: '服务站' })
    const row = table.locator('tbody tr').filter({ hasText: '太平路牌坊街中段 18 号' })
    while (!(await row.isVisible())) await page.getByRole('button', { name: '下一页' }).click()
    expect(await row.innerText()).toContain('牌坊街党群服务站')
  })

  it('a sheet with a refused row: the preview names its row and column, apply answers the errors and writes nothing', async () => {
    const { page, api } = app
    await page.getByRole('navigation').getByRole('button', { name: '表格导入导出', exact: true }).click()
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载服务站表格（.csv）' }).click(),
    ])
    const tooLong = '牌坊街党群服务站'.repeat(6)
    const broken = readFileSync(await download.path(), 'utf8').replace(',牌坊街党群服务站,', `,${tooLong},`)
    await page
      .getByLabel(/表格文件/)
      .setInputFiles({ name: 'stations.csv', mimeType: 'text/csv', buffer: Buffer.from(broken) })
    await page.getByRole('button', { name: '预览', exact: true }).click()
    await page.getByRole('status').filter({ hasText: '预览：共 12 行' }).waitFor()
    const errors = page.getByRole('table', { name: '有问题的行' })
    const cells = await errors.locator('tbody tr').first().locator('td').allInnerTexts()
    expect(await errors.locator('tbody tr').count()).toBe(1)
    expect(Number(cells[0])).toBeGreaterThan(1)
    expect(cells[1]).toBe('name')
    expect(cells[2]).toMatch(/40/)

    await page.getByRole('button', { name: '导入', exact: true }).click()
    await page.getByRole('alert').filter({ hasText: '表格中有 1 处错误，未写入任何内容' }).waitFor()
    expect(await errors.locator('tbody tr').count()).toBe(1)
    const station = await callApi(api.base, 'GET', '/api/stations/st_paifangjie')
    expect(station.body.station.name).toBe('牌坊街党群服务站')
  })

  it('adds a guesthouse in the form beside its table: a refused field is named, the saved one is in the table', async () => {
    const { page, api } = app
    await page.getByRole('navigation').getByRole('button', { name: '民居客栈', exact: true }).click()
    const table = page.getByRole('table', { name: '民居客栈' })
    await table.waitFor()
    await page.getByRole('button', { name: '＋ 添加民居客栈' }).click()
    const form = page.getByRole('form', { name: '新增民居客栈' })
    await form.locator('input[name="name"]').fill('甲第巷许驸马府茶室')
    await form.locator('input[name="address"]').fill('潮州市湘桥区中山路葡萄巷 1 号')
    await form.locator('input[name="lat"]').fill('北纬二十三度')
    await form.getByRole('button', { name: '保存' }).click()
    await form.getByRole('alert').waitFor()
    expect(await form.locator('input[aria-invalid="true"]').getAttribute('name')).toBe('lat')

    await form.locator('input[name="lat"]').fill('23.6668')
    await form.getByRole('button', { name: '保存' }).click()
    await page.getByRole('form', { name: '编辑：甲第巷许驸马府茶室' }).getByRole('status').waitFor()
    const { body } = await callApi(api.base, 'GET', '/api/guesthouses')
    expect(body.items).toContainEqual(expect.objectContaining({ name: '甲第巷许驸马府茶室', lat: 23.6668 }))
    const row = table.locator('tbody tr').filter({ hasText: '甲第巷许驸马府茶室' })
    while (!(await row.isVisible())) await page.getByRole('button', { name: '下一页' }).click()
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280)
    await keepScreenshot('desk-guesthouse-form')
  })
})
