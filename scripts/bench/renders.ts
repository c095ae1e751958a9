// The weapp render audit (tests/weapp/render-audit.test.ts) run for its figures: what each action sends to the view.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RenderFigures } from '../../tests/weapp/render-budgets'

const root = join(__dirname, '../..')

export function weappRenders(): { figures: RenderFigures; passed: boolean } {
  const out = join(mkdtempSync(join(tmpdir(), 'oth-renders-')), 'figures.json')
  const run = spawnSync(
    process.execPath,
    [join(root, 'node_modules/jest/bin/jest.js'), 'tests/weapp/render-audit.test.ts', '--silent'],
    { cwd: root, env: { ...process.env, RENDER_AUDIT_OUT: out }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  )
  if (run.status !== 0) process.stderr.write(run.stdout + run.stderr)
  return { figures: JSON.parse(readFileSync(out, 'utf8')) as RenderFigures, passed: run.status === 0 }
}
