// What a first visit to the H5 Home costs on the wire: every byte the browser received until the nearest open
// station's card shows, on a cold cache. Shared by `npm run bench` and the e2e suite that holds the budget.
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { startTestApi } from '../../tests/support/api'
import { CHROMIUM_ARGS, ensureChromium } from '../../tests/support/chromium'
import { ensureTaroBuild } from '../taro-build'

/** Where a phone at the 牌坊街 station puts itself (WGS-84), so Home has a nearest station to show. */
const AT_PAIFANG_WGS84 = { latitude: 23.66922, longitude: 116.6396 }

/** Shanghai 10:00 today: most demo stations with hot water are open, whatever hour the suite runs at. */
function shanghaiMorningClock(): () => Date {
  const morning = new Date()
  morning.setUTCHours(2, 0, 0, 0)
  const offset = morning.getTime() - Date.now()
  return () => new Date(Date.now() + offset)
}

export interface TransferredFile {
  url: string
  bytes: number
  encoding: string
  cacheControl: string
}

export interface ColdHomeLoad {
  /** Bytes received (headers and bodies, as sent) until the first station card showed. */
  bytes: number
  files: TransferredFile[]
}

export async function coldHomeLoad(): Promise<ColdHomeLoad> {
  ensureTaroBuild('h5')
  const api = await startTestApi({ staticDir: join(__dirname, '../../dist/h5'), clock: shanghaiMorningClock() })
  const browser = await chromium.launch({ executablePath: ensureChromium(), args: CHROMIUM_ARGS })
  try {
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
      geolocation: AT_PAIFANG_WGS84,
      permissions: ['geolocation'],
    })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
    const files = new Map<string, TransferredFile>()
    cdp.on('Network.responseReceived', ({ requestId, response }) => {
      // Images inlined in the style sheets cross no wire.
      if (response.url.startsWith('data:')) return
      const header = (name: string) => String(response.headers[name] ?? response.headers[name.toLowerCase()] ?? '')
      files.set(requestId, {
        url: response.url.replace(api.url, ''),
        bytes: response.encodedDataLength,
        encoding: header('content-encoding'),
        cacheControl: header('cache-control'),
      })
    })
    cdp.on('Network.dataReceived', ({ requestId, encodedDataLength }) => {
      const file = files.get(requestId)
      if (file) file.bytes += encodedDataLength
    })
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
      const file = files.get(requestId)
      if (file) file.bytes = encodedDataLength
    })
    await page.goto(`${api.url}/`)
    await page.locator('.home__nearest .station-card').waitFor()
    const received = [...files.values()]
    return { bytes: received.reduce((sum, file) => sum + file.bytes, 0), files: received }
  } finally {
    await browser.close()
    await api.close()
  }
}

if (process.argv[1]?.endsWith('h5-load.ts')) {
  void coldHomeLoad().then(({ bytes, files }) => {
    for (const f of files)
      console.log(String(f.bytes).padStart(8), f.encoding.padEnd(5), f.cacheControl.padEnd(40), f.url)
    console.log(`${(bytes / 1024).toFixed(1)} KB`)
  })
}
