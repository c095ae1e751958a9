import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

const root = join(__dirname, '..')

describe('TypeScript (strict)', () => {
  it.each(['tsconfig.json', 'server/tsconfig.json'])(
    '%s compiles without errors',
    (project) => {
      const result = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '--noEmit', '-p', project], {
        cwd: root,
        encoding: 'utf8',
      })
      expect(result.stdout + result.stderr).toBe('')
      expect(result.status).toBe(0)
    },
    240_000,
  )
})
