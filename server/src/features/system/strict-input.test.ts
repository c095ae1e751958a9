import { request } from 'node:http'
import { connect } from 'node:net'
import { sql } from 'kysely'
import { DB_KINDS } from '../../../../tests/support/databases'
import { startTestApi, type TestApi } from '../../../../tests/support/api'

/** A raw HTTP exchange over a socket: what Node's parser refuses never reaches an HTTP client's API. */
function rawExchange(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(text))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}
const bodyOf = (answer: string) => JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))

/** A request over real HTTP, for what `inject` would not send the way a client does (huge headers, raw paths). */
function httpCall(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

const inErrorShape = (code: string) => ({
  error: expect.objectContaining({ code, message: expect.any(String), messageEn: expect.any(String) }),
})
const wish = { category: 'repair', title: '楼道灯坏了', description: '三楼楼道灯不亮。', communityId: 'cm_jiadi' }

describe.each(DB_KINDS)('strict input and one error shape on %s', (kind) => {
  let api: TestApi
  let resident: string
  beforeAll(async () => {
    api = await startTestApi({ kind })
    resident = (await api.signIn('strict-resident', 'resident')).token
  })
  afterAll(() => api.close())

  const postWish = (body: object) => api.call('POST', '/api/wishes', resident, body)

  it('refuses a NUL in a path, a query or a body with 400, naming the field', async () => {
    const inPath = await api.app.inject({ url: '/api/wishes/%00' })
    expect(inPath.statusCode).toBe(400)
    expect(inPath.json().error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: '请求参数有误：id 含有不允许的控制字符',
      messageEn: 'Invalid request: id contains a control character',
    })

    const inQuery = await api.app.inject({ url: '/api/wishes?communityId=%00' })
    expect(inQuery.statusCode).toBe(400)
    expect(inQuery.json().error.details).toEqual([expect.objectContaining({ field: 'communityId' })])

    const inBody = await postWish({ ...wish, description: '灯坏了\u0000' })
    expect(inBody.statusCode).toBe(400)
    expect(inBody.json().error.details).toEqual([
      expect.objectContaining({ field: 'description', message: '含有不允许的控制字符' }),
    ])

    const c1InBody = await postWish({ ...wish, title: '楼道\u0085灯坏了' })
    expect(c1InBody.statusCode).toBe(400)
    expect(c1InBody.json().error.details[0].field).toBe('title')
  })

  it('refuses a title of zero-width spaces and a title over two lines; a description keeps its lines', async () => {
    const invisible = await postWish({ ...wish, title: '\u200B\u200B\u200B\uFEFF' })
    expect(invisible.statusCode).toBe(400)
    expect(invisible.json().error.details).toEqual([
      { field: 'title', message: '不能只有空白或不可见字符', messageEn: 'must contain visible text' },
    ])

    const twoLines = await postWish({ ...wish, title: '楼道灯\n坏了' })
    expect(twoLines.statusCode).toBe(400)
    expect(twoLines.json().error.details[0]).toMatchObject({
      field: 'title',
      messageEn: 'must be one line, without line breaks or tabs',
    })

    const lines = await postWish({ ...wish, description: '三楼楼道灯不亮。\n晚上请带手电。\r\n谢谢！' })
    expect(lines.statusCode).toBe(201)
    expect(lines.json().wish.description).toBe('三楼楼道灯不亮。\n晚上请带手电。\r\n谢谢！')
  })

  it('answers an id over 100 characters, a malformed percent-encoding and a malformed request line in the error shape', async () => {
    const longId = await httpCall(`${api.url}/api/wishes/${'w'.repeat(101)}`)
    expect(longId.status).toBe(414)
    expect(longId.body).toEqual(inErrorShape('URI_TOO_LONG'))

    const badEncoding = await httpCall(`${api.url}/api/wishes/%zz`)
    expect(badEncoding.status).toBe(400)
    expect(badEncoding.body).toEqual(inErrorShape('BAD_URL'))

    const badLine = await rawExchange(api.url, 'GET /api/health HTTP/9.9 nonsense\r\n\r\n')
    expect(badLine).toMatch(/^HTTP\/1\.1 400 /)
    expect(bodyOf(badLine)).toEqual(inErrorShape('BAD_REQUEST'))

    const unknownMethod = await rawExchange(api.url, 'BREW /api/health HTTP/1.1\r\nHost: x\r\n\r\n')
    expect(unknownMethod).toMatch(/^HTTP\/1\.1 400 /)
    expect(bodyOf(unknownMethod)).toEqual(inErrorShape('BAD_REQUEST'))

    const noSuchMethodHere = await api.app.inject({ method: 'PUT', url: '/api/wishes' })
    expect(noSuchMethodHere.statusCode).toBe(404)
    expect(noSuchMethodHere.json()).toEqual(inErrorShape('NOT_FOUND'))
  })

  it('answers headers over the limit with 431 in the error shape', async () => {
    const answer = await rawExchange(
      api.url,
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Filler: ${'a'.repeat(20_000)}\r\n\r\n`,
    )
    expect(answer).toMatch(/^HTTP\/1\.1 431 /)
    expect(bodyOf(answer)).toEqual(inErrorShape('HEADERS_TOO_LARGE'))
    expect(bodyOf(answer).error.message).toBe('请求头太大')
  })

  it('answers a body too large with 413, a foreign media type with 415 and a poisoned or broken JSON with 400', async () => {
    const json = { 'content-type': 'application/json', authorization: `Bearer ${resident}` }
    const tooLarge = await httpCall(`${api.url}/api/wishes`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ ...wish, description: 'x'.repeat(300_000) }),
    })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.body).toEqual(inErrorShape('PAYLOAD_TOO_LARGE'))

    const xml = await httpCall(`${api.url}/api/wishes`, {
      method: 'POST',
      headers: { ...json, 'content-type': 'application/xml' },
      body: '<wish/>',
    })
    expect(xml.status).toBe(415)
    expect(xml.body).toEqual(inErrorShape('UNSUPPORTED_MEDIA_TYPE'))

    const poisoned = await httpCall(`${api.url}/api/wishes`, {
      method: 'POST',
      headers: json,
      body: `{"__proto__":{"role":"staff"},"title":"x"}`,
    })
    expect(poisoned.status).toBe(400)
    expect(poisoned.body).toEqual(inErrorShape('INVALID_JSON'))

    const noBody = await httpCall(`${api.url}/api/wishes`, { method: 'POST', headers: json })
    expect(noBody.status).toBe(400)
    expect(noBody.body.error).toMatchObject({
      code: 'VALIDATION_FAILED',
      messageEn: 'Invalid request: body is required',
    })
  })

  it('answers a failure on our side with 500 INTERNAL in the error shape', async () => {
    await sql`ALTER TABLE communities RENAME TO communities_gone`.execute(api.database.db)
    try {
      const res = await api.app.inject({ url: '/api/communities' })
      expect(res.statusCode).toBe(500)
      expect(res.json()).toEqual({
        error: { code: 'INTERNAL', message: '服务器出错了，请稍后再试', messageEn: 'Something went wrong on our side' },
      })
    } finally {
      await sql`ALTER TABLE communities_gone RENAME TO communities`.execute(api.database.db)
    }
  })
})
