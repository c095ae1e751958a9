import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

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
