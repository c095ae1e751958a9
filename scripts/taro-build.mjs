// Builds the Taro app for one platform unless dist/<type> is already newer than every source file.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'

const root = resolve(import.meta.dirname, '..')
const SOURCES = ['src', 'config', 'babel.config.js', 'package.json', 'project.config.json', 'server/src/contract.ts']

function newestMtime(path) {
  if (!existsSync(path)) return 0
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce((max, name) => Math.max(max, newestMtime(join(path, name))), stat.mtimeMs)
}

/** @param {'weapp' | 'h5'} type */
export function ensureTaroBuild(type, { force = false } = {}) {
  const stamp = join(root, 'dist', type, '.build-stamp')
  const sourcesAt = Math.max(...SOURCES.map((p) => newestMtime(join(root, p))))
  if (!force && existsSync(stamp) && statSync(stamp).mtimeMs > sourcesAt) return false
  const started = Date.now()
  const result = spawnSync(process.execPath, [join(root, 'node_modules/@tarojs/cli/bin/taro'), 'build', '--type', type], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  if (result.status !== 0) throw new Error(`taro build --type ${type} failed (exit ${result.status})`)
  writeFileSync(stamp, new Date().toISOString())
  console.log(`built ${type} in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  return true
}

if (process.argv[1] === import.meta.filename) {
  for (const type of process.argv.slice(2)) ensureTaroBuild(type, { force: true })
}
