import Fastify from 'fastify'
import { startTestApi, type TestApi } from '../../../../tests/support/api'
import { DB_KINDS } from '../../../../tests/support/databases'
import { withoutPosition } from '../../app'
import { registerAccessControl } from '../../shared/access'

describe('system routes and error shape', () => {
  let api: TestApi
  beforeAll(async () => {
    api = await startTestApi({ seed: false })
  })
  afterAll(() => api.close())

  it('GET /api/health answers ok over real HTTP', async () => {
    const res = await fetch(`${api.url}/api/health`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ ok: true })
  })

  it('serves an OpenAPI 3.1 document generated from the route schemas', async () => {
    const doc = (await (await fetch(`${api.url}/api/openapi.json`)).json()) as {
      openapi: string
      paths: Record<string, Record<string, { parameters?: { name: string }[] }>>
    }
    expect(doc.openapi).toBe('3.1.0')
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/stations', '/api/me', '/api/auth/dev']),
    )
    const params = doc.paths['/api/stations']?.get?.parameters?.map((p) => p.name)
    expect(params).toEqual(expect.arrayContaining(['service', 'lat', 'lng', 'openNow', 'limit', 'cursor']))
  })

  it('answers unknown API paths with a 404 in the standard error shape', async () => {
    const res = await api.app.inject({ method: 'GET', url: '/api/nowhere' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND' })
  })

  it('answers malformed JSON with 400 and an oversized body with 413, never 500', async () => {
    const bad = await api.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'application/json' },
      payload: '{"openid":',
    })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error).toMatchObject({ code: 'INVALID_JSON', message: expect.stringMatching(/JSON/) })

    const huge = await api.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ openid: 'x'.repeat(400_000) }),
    })
    expect(huge.statusCode).toBe(413)
    expect(huge.json().error.code).toBe('PAYLOAD_TOO_LARGE')
  })

  it('treats an empty JSON body as no body, as wx.request sends one for a bare POST', async () => {
    const res = await api.app.inject({
      method: 'POST',
      url: '/api/auth/dev',
      headers: { 'content-type': 'application/json' },
      payload: '',
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请求参数有误：body 必填',
      messageEn: 'Invalid request: body is required',
    })
  })

  it('names a missing field as required, in both languages', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/api/auth/dev', payload: { role: 'resident' } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({
      message: '请求参数有误：openid 必填',
      messageEn: 'Invalid request: openid is required',
    })
  })

  it('refuses to register an API route that does not declare who may call it', async () => {
    const app = Fastify()
    registerAccessControl(app, async () => null)
    expect(() => app.get('/api/undeclared', async () => ({}))).toThrow(/must declare config.access/)
    await app.close()
  })

  it('keeps where a person is out of the request log', () => {
    expect(withoutPosition('/api/stations?service=hot_water&lat=23.6665&lng=116.644&limit=20')).toBe(
      '/api/stations?service=hot_water&lat=…&lng=…&limit=20',
    )
    expect(withoutPosition('/api/wishes?lat=23.6&sort=nearest&lng=116.6')).toBe('/api/wishes?lat=…&sort=nearest&lng=…')
  })
})

describe.each(DB_KINDS)('readiness on %s', (kind) => {
  it('answers /api/ready 200 while the database answers, 503 in the error shape once it is gone', async () => {
    const api = await startTestApi({ kind, seed: false })
    try {
      const ready = await fetch(`${api.url}/api/ready`)
      expect(ready.status).toBe(200)
      expect(await ready.json()).toEqual({ ok: true })
      await api.database.db.destroy()
      const gone = await fetch(`${api.url}/api/ready`)
      expect(gone.status).toBe(503)
      expect((await gone.json()).error).toMatchObject({ code: 'DATABASE_UNAVAILABLE', message: expect.any(String) })
      expect((await fetch(`${api.url}/api/health`)).status).toBe(200)
    } finally {
      await api.app.close()
    }
  })

  it('documents liveness and readiness in the OpenAPI document', async () => {
    const api = await startTestApi({ kind, seed: false })
    try {
      const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()
      expect(Object.keys(doc.paths['/api/health'].get.responses)).toContain('200')
      expect(doc.paths['/api/ready'].get.responses).toMatchObject({
        200: expect.anything(),
        503: { content: { 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } } },
      })
    } finally {
      await api.close()
    }
  })
})
