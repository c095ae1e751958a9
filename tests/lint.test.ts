import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(__dirname, '..')
const bin = (name: string) => join(root, 'node_modules', '.bin', name)

describe('Lint and format (npm run lint)', () => {
  it.each([
    ['ESLint', 'eslint', ['.', '--max-warnings=0']],
    ['Prettier', 'prettier', ['--check', '--log-level=warn', '.']],
  ])(
    '%s finds nothing',
    (_name, tool, args) => {
      const result = spawnSync(bin(tool), args, { cwd: root, encoding: 'utf8' })
      expect(result.stdout + result.stderr).toBe('')
      expect(result.status).toBe(0)
    },
    240_000,
  )
})
