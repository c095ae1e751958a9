import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib'
import { DB_KINDS } from '../../../tests/support/databases'
import { ONE_PIXEL_PNG } from '../../../tests/support/images'
import { startTestApi, type TestApi } from '../../../tests/support/api'

const SCRIPT = `console.log(${JSON.stringify('古城红驿 '.repeat(400))})`
const INDEX = '<!doctype html><html><head><script defer src="/js/app.0123abcd.js"></script></head><body></body></html>'

/** A build as config/prod.ts leaves it: hashed assets, each text file with its brotli and gzip copies. */
function writeBuild(dir: string) {
  mkdirSync(join(dir, 'js'))
  mkdirSync(join(dir, 'static'))
  for (const [path, text] of [
    ['index.html', INDEX],
    ['js/app.0123abcd.js', SCRIPT],
  ] as const) {
    writeFileSync(join(dir, path), text)
    writeFileSync(join(dir, `${path}.br`), brotliCompressSync(text))
    writeFileSync(join(dir, `${path}.gz`), gzipSync(text))
  }
  writeFileSync(join(dir, 'static/home.89abcdef.png'), ONE_PIXEL_PNG)
}

describe.each(DB_KINDS)('the H5 build served on %s', (kind) => {
  let api: TestApi
  const staticDir = mkdtempSync(join(tmpdir(), 'oth-h5-static-'))
  writeBuild(staticDir)

  beforeAll(async () => {
    api = await startTestApi({ kind, seed: false, staticDir })
  })
  afterAll(async () => {
    await api.close()
    rmSync(staticDir, { recursive: true, force: true })
  })

  const get = (url: string, headers: Record<string, string> = {}) =>
    api.app.inject({ method: 'GET', url, headers: { 'accept-encoding': '', ...headers } })

  it('sends a hashed script precompressed in the encoding the browser prefers, cached for a year', async () => {
    const brotli = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip, deflate, br' })
    expect(brotli.statusCode).toBe(200)
    expect(brotli.headers).toMatchObject({
      'content-encoding': 'br',
      'content-type': expect.stringMatching(/javascript/),
      'cache-control': 'public, max-age=31536000, immutable',
      vary: 'accept-encoding',
    })
    expect(brotli.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10)
    expect(brotliDecompressSync(brotli.rawPayload).toString()).toBe(SCRIPT)

    const gzip = await get('/js/app.0123abcd.js', { 'accept-encoding': 'gzip' })
    expect(gzip.headers['content-encoding']).toBe('gzip')
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(SCRIPT)

    const plain = await get('/js/app.0123abcd.js')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(plain.body).toBe(SCRIPT)
  })

  it('revalidates the index on every visit and answers 304 while it is unchanged', async () => {
    for (const url of ['/', '/index.html']) {
      const first = await get(url, { 'accept-encoding': 'br' })
      expect(first.statusCode).toBe(200)
      expect(first.headers).toMatchObject({
        'cache-control': 'no-cache',
        'content-type': expect.stringMatching(/html/),
      })
      expect(brotliDecompressSync(first.rawPayload).toString()).toBe(INDEX)
      const etag = String(first.headers.etag)
      expect(etag).not.toBe('undefined')
      const again = await get(url, { 'accept-encoding': 'br', 'if-none-match': etag })
      expect(again.statusCode).toBe(304)
      expect(again.rawPayload.length).toBe(0)
    }
  })

  it('keeps images as they are and never serves the compressed copies under names of their own', async () => {
    const image = await get('/static/home.89abcdef.png', { 'accept-encoding': 'br, gzip' })
    expect(image.statusCode).toBe(200)
    expect(image.headers['content-encoding']).toBeUndefined()
    expect(image.headers['cache-control']).toBe('public, max-age=31536000, immutable')
    expect(image.rawPayload.equals(ONE_PIXEL_PNG)).toBe(true)
    expect((await get('/js/app.0123abcd.js.br')).statusCode).toBe(404)
    expect((await get('/index.html.gz')).statusCode).toBe(404)
  })
})
