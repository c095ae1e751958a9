/** @jest-environment jsdom */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { AT_PAIFANG, builtWeappWithApi } from '../support/weapp-suite'
import { installWxRuntime, renderPage, WEAPP_ROOT, type RenderedPage } from '../support/wx-runtime'

/** The attributes the compiled templates gave the element with this id on the rendered page. */
function attrsOf(page: RenderedPage, id: string) {
  const element = page.elements().find((e) => e.attrs.id === id)
  if (!element) throw new Error(`no element #${id} on the page`)
  return element.attrs
}

/**
 * WeChat's screen readers (TalkBack / VoiceOver inside WeChat) read `aria-*` from the .wxml. Taro's templates carry
 * none by themselves; config/index.ts adds them, and these check they reach the pages people use.
 */
describe('weapp accessible names and roles (compiled templates, rendered pages)', () => {
  const api = builtWeappWithApi()
  beforeEach(() => installWxRuntime({ api: api.base, location: AT_PAIFANG }))

  it('puts aria-label, aria-role and the chips’ checked / selected state into the compiled templates', () => {
    const templates = readFileSync(join(WEAPP_ROOT, 'base.wxml'), 'utf8')
    // Taro draws a view with nothing but a class, a style, an id (and a tap) from templates of its own (pure and
    // click views): such a view has no aria-* to carry. Every other template must.
    const plain = /^<view( (style|class|id|data-sid|bindtap)="[^"]*"| )+>$/
    const tags = (name: string) =>
      (templates.match(new RegExp(`<${name}\\s[^>]*>`, 'g')) ?? []).filter((tag) => !plain.test(tag))
    for (const name of ['view', 'text', 'button', 'image', 'switch']) {
      expect(tags(name).length).toBeGreaterThan(0)
      for (const tag of tags(name)) expect(tag).toContain('aria-label="{{')
    }
    for (const tag of tags('view')) {
      for (const attribute of ['aria-role', 'aria-checked', 'aria-selected']) expect(tag).toContain(`${attribute}="{{`)
    }
  })

  it('names Home’s four big needs as buttons', async () => {
    const page = renderPage('features/home/index')
    await page.waitFor('找热水')
    const needs: [string, string][] = [
      ['need-hot_water', '找热水'],
      ['need-charging', '找充电'],
      ['need-travel_info', '问路咨询'],
      ['need-restroom', '找厕所'],
    ]
    for (const [id, label] of needs)
      expect(attrsOf(page, id)).toMatchObject({ 'aria-role': 'button', 'aria-label': label })
  })

  it('gives the stations’ cards, tabs, filter chips and switch their roles, names and states', async () => {
    const page = renderPage('features/stations/index')
    await page.waitFor('牌坊街党群服务站')
    const card = attrsOf(page, 'station-st_paifangjie')
    expect(card['aria-role']).toBe('button')
    expect(card['aria-label']).toMatch(/^牌坊街党群服务站，党群服务站，\d+ 米，(营业中|已休息)$/)
    expect(attrsOf(page, 'view-list')).toMatchObject({ 'aria-role': 'tab', 'aria-selected': true })
    expect(attrsOf(page, 'view-map')).toMatchObject({ 'aria-role': 'tab', 'aria-selected': false })
    expect(attrsOf(page, 'filter-hot_water')).toMatchObject({ 'aria-role': 'radio', 'aria-checked': false })
    expect(attrsOf(page, 'open-only')).toMatchObject({ 'aria-label': '只看营业中' })

    page.tap('#filter-hot_water')
    await page.waitFor(() => attrsOf(page, 'filter-hot_water')['aria-checked'] === true)
    expect(attrsOf(page, 'filter-all')['aria-checked']).toBe(false)
    page.tap('#view-map')
    await page.waitFor(() => attrsOf(page, 'view-map')['aria-selected'] === true)
    expect(attrsOf(page, 'view-list')['aria-selected']).toBe(false)
  })

  it('says which lecture tab is selected and which language is checked', async () => {
    const lectures = renderPage('features/lectures/index')
    await lectures.waitFor(() => lectures.elements().some((e) => e.attrs.id === 'tab-menu'))
    expect(attrsOf(lectures, 'tab-sessions')).toMatchObject({ 'aria-role': 'tab', 'aria-selected': true })
    expect(attrsOf(lectures, 'tab-menu')).toMatchObject({ 'aria-role': 'tab', 'aria-selected': false })

    const settings = renderPage('features/me/pages/settings/index')
    await settings.waitFor(() => settings.elements().some((e) => e.attrs.id === 'lang-en'))
    expect(attrsOf(settings, 'lang-zh')).toMatchObject({ 'aria-role': 'radio', 'aria-checked': true })
    expect(attrsOf(settings, 'lang-en')).toMatchObject({ 'aria-role': 'radio', 'aria-checked': false })
  })

  it('names the station detail’s buttons and the wall’s sort tabs and urgent switch', async () => {
    const detail = renderPage('features/stations/pages/detail/index', { id: 'st_paifangjie' })
    await detail.waitFor('导航前往')
    expect(attrsOf(detail, 'navigate')['aria-label']).toBe('导航前往')
    expect(attrsOf(detail, 'call')['aria-label']).toMatch(/^拨打电话 /)

    const wall = renderPage('features/wishes/index')
    await wall.waitFor('帮忙代买降压药')
    expect(attrsOf(wall, 'sort-newest')).toMatchObject({ 'aria-role': 'tab', 'aria-selected': true })
    expect(attrsOf(wall, 'urgent-only')).toMatchObject({ 'aria-role': 'checkbox', 'aria-checked': false })
    expect(attrsOf(wall, 'category-all')).toMatchObject({ 'aria-role': 'radio', 'aria-checked': true })
  })
})
