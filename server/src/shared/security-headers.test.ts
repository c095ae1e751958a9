import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DB_KINDS } from '../../../tests/support/databases'
import { ONE_PIXEL_PNG } from '../../../tests/support/images'
import { startTestApi, type TestApi } from '../../../tests/support/api'
import { loadConfig } from '../config'

const ROOT_FONT_SIZE = 'document.documentElement.style.fontSize="20px"'

describe.each(DB_KINDS)('security headers on %s', (kind) => {
  let api: TestApi
  let proxied: TestApi
  const staticDir = mkdtempSync(join(tmpdir(), 'oth-h5-'))
  writeFileSync(
    join(staticDir, 'index.html'),
    `<!doctype html><html><head><script>${ROOT_FONT_SIZE}</script><script defer src="/js/app.js"></script></head><body></body></html>`,
  )

  beforeAll(async () => {
    api = await startTestApi({ kind, staticDir })
    proxied = await startTestApi({ kind, seed: false, env: { TRUST_PROXY: '127.0.0.1' } })
  })
  afterAll(async () => {
    await api.close()
    await proxied.close()
    rmSync(staticDir, { recursive: true, force: true })
  })

  it('the app, the API, photos and refusals all carry them; no CORS, no HSTS over plain HTTP', async () => {
    const { token } = await api.signIn('headers', 'resident')
    const photo = (
      await api.app.inject({
        method: 'POST',
        url: '/api/uploads',
        payload: ONE_PIXEL_PNG,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'image/png' },
      })
    ).json().upload
    const inlineHash = `'sha256-${createHash('sha256').update(ROOT_FONT_SIZE).digest('base64')}'`
    const origin = { origin: 'https://evil.example' }

    for (const [url, status] of [
      ['/', 200],
      ['/api/stations', 200],
      [photo.url, 200],
      [photo.thumbUrl, 200],
      ['/api/me', 401],
      ['/api/nothing-here', 404],
    ] as const) {
      const res = await api.app.inject({ method: 'GET', url, headers: origin })
      expect(res.statusCode).toBe(status)
      expect(res.headers).toMatchObject({
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'x-frame-options': 'DENY',
      })
      const csp = String(res.headers['content-security-policy'])
      expect(csp).toContain("frame-ancestors 'none'")
      expect(csp).toContain(`script-src 'self' ${inlineHash};`)
      expect(csp).not.toMatch(/script-src[^;]*unsafe/)
      expect(csp).toContain("img-src 'self' data: blob: https://*.is.autonavi.com")
      expect(csp).toContain("object-src 'none'")
      expect(res.headers['strict-transport-security']).toBeUndefined()
      expect(res.headers['access-control-allow-origin']).toBeUndefined()
    }
    const preflight = await api.app.inject({
      method: 'OPTIONS',
      url: '/api/stations',
      headers: { ...origin, 'access-control-request-method': 'POST' },
    })
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('sends HSTS when the request came over HTTPS through the proxy it trusts, and only then', async () => {
    const viaProxy = (remoteAddress: string) =>
      proxied.app.inject({
        method: 'GET',
        url: '/api/health',
        remoteAddress,
        headers: { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' },
      })
    expect((await viaProxy('127.0.0.1')).headers['strict-transport-security']).toBe(
      'max-age=31536000; includeSubDomains',
    )
    expect((await viaProxy('198.51.100.7')).headers['strict-transport-security']).toBeUndefined()
  })
})

describe('CSP_IMG_HOSTS', () => {
  it('takes image sources for the map tiles, and refuses anything that would change the policy', () => {
    expect(
      loadConfig({ CSP_IMG_HOSTS: 'https://*.is.autonavi.com, https://tiles.example.cn:8443/osm' }).CSP_IMG_HOSTS,
    ).toEqual(['https://*.is.autonavi.com', 'https://tiles.example.cn:8443/osm'])
    for (const bad of ["'unsafe-inline'", 'https://a.example; script-src *', '*', 'data:']) {
      expect(() => loadConfig({ CSP_IMG_HOSTS: bad })).toThrow(/CSP_IMG_HOSTS/)
    }
  })
})
