/**
 * Draws the tabBar icons (WeChat's tabBar takes PNG only, ≤ 40 KB, 81×81 recommended) from the outlines below,
 * in the bar's two colours. Run with `npx tsx scripts/draw-tab-icons.ts` after changing an outline; the PNGs are
 * committed so builds need no browser.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, ensureChromium } from '../tests/support/chromium'

/** 24×24 outlines, one per tab. */
const OUTLINES: Record<string, string> = {
  home: '<path d="M3.5 10.5 12 3.5l8.5 7V20.5h-5.5v-6h-6v6H3.5z"/>',
  stations: '<path d="M12 21.5s-7-6-7-11.5a7 7 0 0 1 14 0c0 5.5-7 11.5-7 11.5z"/><circle cx="12" cy="10" r="2.6"/>',
  lectures:
    '<path d="M2.5 5.5H9a3 3 0 0 1 3 3v12a2.5 2.5 0 0 0-2.5-2.5h-7z"/><path d="M21.5 5.5H15a3 3 0 0 0-3 3v12a2.5 2.5 0 0 1 2.5-2.5h7z"/>',
  wishes: '<path d="M12 20.5s-8.5-5-8.5-11A4.5 4.5 0 0 1 12 7a4.5 4.5 0 0 1 8.5 2.5c0 6-8.5 11-8.5 11z"/>',
  me: '<circle cx="12" cy="8" r="4"/><path d="M4 21a8 8 0 0 1 16 0"/>',
}
const STYLES = {
  '': { stroke: '#7A6A5F', fill: 'none' },
  '-active': { stroke: '#B71C1C', fill: '#F9DEDC' },
}

async function main() {
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
  const page = await browser.newPage({ viewport: { width: 81, height: 81 } })
  for (const [name, outline] of Object.entries(OUTLINES)) {
    for (const [suffix, { stroke, fill }] of Object.entries(STYLES)) {
      await page.setContent(
        `<body style="margin:0"><svg xmlns="http://www.w3.org/2000/svg" width="81" height="81" viewBox="0 0 24 24" ` +
          `fill="${fill}" stroke="${stroke}" stroke-width="1.7" stroke-linejoin="round" stroke-linecap="round">` +
          `${outline}</svg></body>`,
      )
      const file = join(__dirname, `../src/assets/tab/${name}${suffix}.png`)
      writeFileSync(file, await page.locator('svg').screenshot({ omitBackground: true }))
    }
  }
  await browser.close()
}

void main()
