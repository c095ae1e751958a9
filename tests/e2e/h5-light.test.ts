import { coldHomeLoad, type ColdHomeLoad } from '../../scripts/bench/h5-load'

/** A first visit to Home on a phone: what it costs on the wire until the nearest station shows (a size, not a time). */
describe('a light H5: Home on a cold cache', () => {
  let load: ColdHomeLoad

  beforeAll(async () => {
    load = await coldHomeLoad()
  }, 300_000)

  it('transfers at most 300 KB until the first station card shows', () => {
    expect(load.bytes).toBeLessThanOrEqual(300 * 1024)
  })

  it('gets every script and style sheet precompressed (brotli) and cacheable for a year; the index is revalidated', () => {
    const assets = load.files.filter((f) => /^\/(js|css)\//.test(f.url))
    expect(assets.length).toBeGreaterThan(0)
    for (const asset of assets) {
      expect({ url: asset.url, encoding: asset.encoding, cacheControl: asset.cacheControl }).toEqual({
        url: asset.url,
        encoding: 'br',
        cacheControl: 'public, max-age=31536000, immutable',
      })
    }
    const index = load.files.find((f) => f.url === '/')
    expect(index).toMatchObject({ encoding: 'br', cacheControl: 'no-cache' })
  })
})
