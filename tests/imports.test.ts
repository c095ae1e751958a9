import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'

const root = join(__dirname, '..')

/**
 * No module imports itself through others, on either side: a loop means two modules cannot be read, tested or moved
 * apart. madge reads the imports as the compilers resolve them (type imports included); test files are left out.
 * The same check by hand: `npx madge --circular --extensions ts,tsx --ts-config tsconfig.json src server/src`.
 */
describe('Imports', () => {
  it.each([
    ['the app', 'src', 'tsconfig.json'],
    ['the server', 'server/src', 'server/tsconfig.json'],
  ])(
    '%s has no import cycle',
    (_side, folder, tsConfig) => {
      const result = spawnSync(
        join(root, 'node_modules', '.bin', 'madge'),
        [
          '--circular',
          '--json',
          '--extensions',
          'ts,tsx',
          '--exclude',
          '\\.test\\.tsx?$',
          '--ts-config',
          tsConfig,
          folder,
        ],
        { cwd: root, encoding: 'utf8' },
      )
      expect(result.stderr).not.toMatch(/error/i)
      expect(JSON.parse(result.stdout)).toEqual([])
    },
    120_000,
  )
})

/** Every module of the app with the modules it imports by a relative path, resolved to files without extension. */
function appImports(): { file: string; imports: string[] }[] {
  return readdirSync(join(root, 'src'), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name))
    .map((entry) => {
      const path = join(entry.parentPath, entry.name)
      const specifiers = [...readFileSync(path, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)].map((m) => m[1]!)
      return {
        file: relative(root, path),
        imports: specifiers.map((specifier) => relative(root, resolve(dirname(path), specifier))),
      }
    })
}

/**
 * The app calls the API through the typed client only (`call('GET /api/…')`, types from the published document): a
 * page or a feature that imported the raw request layer again would grow the hand-written wrappers back.
 */
describe('API calls', () => {
  it('go through src/shared/client.ts: no other module imports src/shared/request.ts', () => {
    const importers = appImports()
      .filter(({ imports }) => imports.includes('src/shared/request'))
      .map(({ file }) => file)
    expect(importers).toEqual(['src/shared/client.ts'])
  })
})
