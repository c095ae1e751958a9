/** @jest-environment node */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ensureTaroBuild } from '../../scripts/taro-build'
import { WEAPP_ROOT } from '../support/wx-runtime'

const KB = 1024
/** Text found only in AntV F2's code (the name of its axis tick algorithm), minified or not. */
const F2_MARK = 'wilkinson-extended'
/** Leaflet's class-name prefix, in every build of it. */
const LEAFLET_MARK = 'leaflet-'
/** The desk's table class, in its code and styles only. */
const DESK_MARK = 'desk-table__'

function filesUnder(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [{ path: relative(WEAPP_ROOT, path), size: statSync(path).size }]
  })
}

/** What WeChat will accept for upload; `npm run bench` reports the same packages as WeChat's own tool counts them. */
describe('the weapp build WeChat receives', () => {
  let app: {
    subPackages: { root: string }[]
    preloadRule: Record<string, { network?: string; packages: string[] }>
    tabBar: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] }
  }
  beforeAll(() => {
    ensureTaroBuild('weapp')
    app = JSON.parse(readFileSync(join(WEAPP_ROOT, 'app.json'), 'utf8'))
  }, 300_000)

  it('keeps the main package within 500 KB and the whole within 2 MB', () => {
    const files = filesUnder(WEAPP_ROOT)
    const inSubpackage = (path: string) => app.subPackages.some(({ root }) => path.startsWith(`${root}/`))
    const main = files.filter((f) => !inSubpackage(f.path)).reduce((sum, f) => sum + f.size, 0)
    const total = files.reduce((sum, f) => sum + f.size, 0)
    expect(main).toBeLessThanOrEqual(500 * KB)
    expect(total).toBeLessThanOrEqual(2048 * KB)
  })

  it('keeps the chart library in the figures subpackage alone; no web map in the build', () => {
    const scripts = filesUnder(WEAPP_ROOT)
      .filter((f) => f.path.endsWith('.js'))
      .map((f) => ({ ...f, text: readFileSync(join(WEAPP_ROOT, f.path), 'utf8') }))
    const root = (path: string) => app.subPackages.find((p) => path.startsWith(`${p.root}/`))?.root ?? 'main'
    const withF2 = new Set(scripts.filter((f) => f.text.includes(F2_MARK)).map((f) => root(f.path)))
    // Any other package holding it would carry its own copy (the staff home once did, for the same charts).
    expect([...withF2]).toEqual(['features/figures/pages'])
    expect(scripts.filter((f) => f.text.includes(LEAFLET_MARK)).map((f) => f.path)).toEqual([])
    const figures = filesUnder(join(WEAPP_ROOT, 'features/figures/pages')).reduce((sum, f) => sum + f.size, 0)
    console.log(`figures subpackage (F2 inside): ${(figures / KB).toFixed(0)} KB`)
  })

  it('carries none of the operators’ desk: no page, no code, no styles', () => {
    expect(app.subPackages.map(({ root }) => root)).not.toContain('features/desk/pages')
    const files = filesUnder(WEAPP_ROOT)
    expect(files.filter((f) => f.path.startsWith('features/desk'))).toEqual([])
    const withDesk = files.filter(
      (f) => /\.(js|wxss)$/.test(f.path) && readFileSync(join(WEAPP_ROOT, f.path), 'utf8').includes(DESK_MARK),
    )
    expect(withDesk.map((f) => f.path)).toEqual([])
  })

  it('gives every tab an icon in both states, each under WeChat’s 40 KB limit', () => {
    expect(app.tabBar.list).toHaveLength(5)
    for (const tab of app.tabBar.list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toMatch(/\.png$/)
        expect(statSync(join(WEAPP_ROOT, icon!)).size).toBeLessThanOrEqual(40 * KB)
      }
    }
  })

  it('fetches each tab’s own pages ahead while the tab is open, never the figures or the staff pages', () => {
    const tabs = app.tabBar.list.map((tab) => tab.pagePath)
    const roots = app.subPackages.map(({ root }) => root)
    expect(Object.keys(app.preloadRule).sort()).toEqual([...tabs].sort())
    const preloaded = Object.values(app.preloadRule).flatMap((rule) => rule.packages)
    for (const root of preloaded) expect(roots).toContain(root)
    expect(new Set(preloaded)).toEqual(
      new Set(['features/stations/pages', 'features/lectures/pages', 'features/wishes/pages', 'features/me/pages']),
    )
  })
})
