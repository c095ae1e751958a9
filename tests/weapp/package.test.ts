/** @jest-environment node */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import { ensureTaroBuild } from '../../scripts/taro-build'
import { WEAPP_ROOT } from '../support/wx-runtime'

const KB = 1024

function filesUnder(dir: string): { path: string; size: number }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? filesUnder(path) : [{ path: relative(WEAPP_ROOT, path), size: statSync(path).size }]
  })
}

/** What WeChat will accept for upload; `npm run bench` reports the same packages as WeChat's own tool counts them. */
describe('the weapp build WeChat receives', () => {
  let app: { subPackages: { root: string }[]; tabBar: { list: { pagePath: string; iconPath?: string; selectedIconPath?: string }[] } }
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

  it('gives every tab an icon in both states, each under WeChat’s 40 KB limit', () => {
    expect(app.tabBar.list).toHaveLength(5)
    for (const tab of app.tabBar.list) {
      for (const icon of [tab.iconPath, tab.selectedIconPath]) {
        expect(icon).toMatch(/\.png$/)
        expect(statSync(join(WEAPP_ROOT, icon!)).size).toBeLessThanOrEqual(40 * KB)
      }
    }
  })
})
