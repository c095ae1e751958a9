// Builds the Taro app for one platform unless dist/<type> is already newer than every source file.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '..')
// The app compiles in the values both sides share (limits, enum orders, the clock, the pages): a change there is a
// change to the app.
const SOURCES = [
  'src',
  'server/src/shared/values',
  'config',
  'types',
  'babel.config.js',
  'package.json',
  'project.config.json',
]

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs)
}

export function ensureTaroBuild(type: 'weapp' | 'h5', { force = false } = {}): boolean {
  const stamp = join(root, 'dist', type, '.build-stamp')
  const sourcesAt = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))))
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs > sourcesAt) return false
  const started = Date.now()
  const result = spawnSync(
    process.execPath,
    [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', type],
    {
      cwd: root,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    },
  )
  if (result.status !== 0) {
    // Taro's progress bar goes to stderr on every build; show it only when the build fails.
    process.stderr.write(result.stdout + result.stderr)
    throw new Error(`taro build --type ${type} failed (exit ${result.status})`)
  }
  writeFileSync(stamp, new Date().toISOString())
  console.log(`built ${type} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return true
}

if (process.argv[1]?.endsWith('taro-build.ts')) {
  for (const type of process.argv.slice(2) as ('weapp' | 'h5')[]) ensureTaroBuild(type, { force: true })
}
