import { request } from 'node:http'
import { contractCheckerFor, type Document } from './conformance.js'

interface RawReply {
  status: number
  contentType: unknown
  text: string
}

function send(
  base: string,
  method: string,
  path: string,
  options: { token?: string; body?: object } = {},
): Promise<RawReply> {
  return new Promise((resolve, reject) => {
    const headers = {
      ...(options.token && { authorization: `Bearer ${options.token}` }),
      ...(method !== 'GET' && { 'content-type': 'application/json' }),
    }
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, contentType: res.headers['content-type'], text }))
    })
    req.on('error', reject)
    req.end(method !== 'GET' ? JSON.stringify(options.body ?? {}) : undefined)
  })
}

/** Each API's own document, fetched once, to check what it answers. */
const checkers = new Map<string, Promise<ReturnType<typeof contractCheckerFor>>>()
const checkerAt = (base: string) => {
  let checker = checkers.get(base)
  if (!checker) {
    checker = send(base, 'GET', '/api/openapi.json').then((reply) =>
      contractCheckerFor(JSON.parse(reply.text) as Document),
    )
    checkers.set(base, checker)
  }
  return checker
}

/**
 * A call to a running test API, as a test sets the scene (log in, post, look). node:http rather than fetch: the
 * weapp suites run under jsdom, which has no fetch of its own. A reply the API's OpenAPI document does not describe
 * fails the call, as it does in the API suites.
 */
export async function callApi(
  base: string,
  method: 'GET' | 'POST' | 'PATCH',
  path: string,
  options: { token?: string; body?: object } = {},
): Promise<{ status: number; body: any }> {
  const reply = await send(base, method, path, options)
  const mismatch = (await checkerAt(base))({
    method,
    url: path,
    status: reply.status,
    contentType: reply.contentType,
    body: reply.text,
  })
  if (mismatch) throw new Error(`A reply the OpenAPI document does not describe: ${mismatch}`)
  return { status: reply.status, body: JSON.parse(reply.text) }
}
