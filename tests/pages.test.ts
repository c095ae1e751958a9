import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  MAIN_PAGES,
  pagePath,
  pageUrl,
  SUBPACKAGES,
  subpackagesFor,
  TABS,
  type Page,
} from '../server/src/shared/values/pages'
import { root, sourceFiles } from './support/source-files'

/** A page's path written out as a string: `'/features/…/pages/…'`, `'features/home/index'`, `#/features/…`, `'pages/…/index'`. */
const PAGE_LITERAL = /(['"`]|#)\/?(features\/[\w-]+\/(pages\/[\w-]+\/)?index|pages\/[\w-]+\/index)\b/
const PAGES_MODULE = 'server/src/shared/values/pages.ts'

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  preloadRule: Record<string, { packages: string[] }>
  tabBar: { list: { pagePath: string }[] }
}

/** app.config.ts as Taro reads it for a build: `defineAppConfig` hands back its argument. */
function appConfig(build: 'weapp' | 'h5'): AppConfig {
  const previous = process.env.TARO_ENV
  process.env.TARO_ENV = build
  Object.assign(globalThis, { defineAppConfig: (config: AppConfig) => config })
  let config: AppConfig | undefined
  jest.isolateModules(() => {
    config = jest.requireActual<{ default: AppConfig }>('../src/app.config').default
  })
  process.env.TARO_ENV = previous
  return config!
}

const everyPage = (): Page[] => [
  ...TABS,
  ...Object.entries(SUBPACKAGES).flatMap(([feature, names]) => names.map((name) => `${feature}/${name}` as Page)),
]

describe('The pages module', () => {
  it('is the only place a page path is written out (tests aside): pages are opened with pageUrl', () => {
    const written = ['src', 'server/src']
      .flatMap((folder) => sourceFiles(folder, /\.tsx?$/))
      .filter((file) => file !== PAGES_MODULE && !/\.test\.tsx?$/.test(file))
      .flatMap((file) =>
        readFileSync(join(root, file), 'utf8')
          .split('\n')
          .flatMap((line, index) => (PAGE_LITERAL.test(line) ? [`${file}:${index + 1}: ${line.trim()}`] : [])),
      )
    expect(written).toEqual([])
  })

  it.each(['weapp', 'h5'] as const)(
    'gives app.config its pages, subpackages, tab order and preloads (%s build)',
    (build) => {
      const config = appConfig(build)
      expect(config.pages).toEqual(MAIN_PAGES)
      expect(config.pages).toEqual(TABS.map((tab) => pagePath(tab)))
      expect(config.subPackages).toEqual(subpackagesFor(build))
      expect(config.tabBar.list.map((tab) => tab.pagePath)).toEqual(MAIN_PAGES)
      expect(Object.keys(config.preloadRule)).toEqual(MAIN_PAGES)
      const roots = config.subPackages.map((subpackage) => subpackage.root)
      for (const rule of Object.values(config.preloadRule)) expect(roots).toEqual(expect.arrayContaining(rule.packages))
    },
  )

  it('keeps the operators’ desk out of the weapp build only', () => {
    const roots = (build: 'weapp' | 'h5') => appConfig(build).subPackages.map((subpackage) => subpackage.root)
    expect(roots('h5')).toEqual([...roots('weapp'), 'features/desk/pages'])
  })

  it('names every page in src/ and only those: each has its component and its page config', () => {
    const onDisk = sourceFiles('src/features', /^index\.config\.ts$/)
      .map((file) => file.replace(/^src\//, '').replace(/\.config\.ts$/, ''))
      .sort()
    expect(everyPage().map(pagePath).sort()).toEqual(onDisk)
    for (const page of everyPage()) expect(sourceFiles('src', /^index\.tsx$/)).toContain(`src/${pagePath(page)}.tsx`)
  })

  it('writes the URL a navigation takes, with the query encoded and absent fields left out', () => {
    expect(pageUrl('stations')).toBe('/features/stations/index')
    expect(pageUrl('wishes/detail', { id: 'w_1' })).toBe('/features/wishes/pages/detail/index?id=w_1')
    expect(pageUrl('me/desk-login', { ticket: 'a b&c' })).toBe('/features/me/pages/desk-login/index?ticket=a%20b%26c')
    expect(pageUrl('staff/station-edit', { id: undefined })).toBe('/features/staff/pages/station-edit/index')
    expect(pageUrl('figures/index', { scope: 'mine' })).toBe('/features/figures/pages/index/index?scope=mine')
  })
})
