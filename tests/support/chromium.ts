import { spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Flags that keep headless Chromium from calling hosts this machine cannot reach. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Debian's Chromium and a CJK font (or every Chinese character in a screenshot is a box), installed when absent. */
export function ensureChromium(): string {
  if (existsSync(CHROMIUM_PATH) && existsSync('/usr/share/fonts/truetype/wqy/wqy-microhei.ttc')) return CHROMIUM_PATH
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  for (const args of [
    ['update', '-qq'],
    ['install', '-y', '-qq', 'chromium', 'fonts-wqy-microhei'],
  ]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env })
    if (result.status !== 0) throw new Error(`apt-get ${args.join(' ')} failed: install chromium by hand`)
  }
  return CHROMIUM_PATH
}
