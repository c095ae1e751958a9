import { execFile } from 'node:child_process'
import { join } from 'node:path'
import { promisify } from 'node:util'

const root = join(__dirname, '..', '..', '..', '..')

describe('the app’s API types', () => {
  it('are what the document the server publishes now generates (src/shared/openapi.gen.ts)', async () => {
    const check = await promisify(execFile)(
      process.execPath,
      [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'scripts/contract.ts'), '--check'],
      { cwd: root },
    ).catch((failed: unknown) => failed as { code: number; stderr: string })
    if ('code' in check && check.code !== 0) throw new Error(check.stderr.trim() || 'run npm run contract')
  }, 60_000)
})
