import { request } from 'node:http'

/**
 * A call to a running test API, as a test sets the scene (log in, post, look). node:http rather than fetch: the
 * weapp suites run under jsdom, which has no fetch of its own.
 */
export function callApi(base: string, method: 'GET' | 'POST', path: string, options: { token?: string; body?: object } = {}): Promise<{ status: number; body: any }> {
  return new Promise((resolve, reject) => {
    const headers = { ...(options.token && { authorization: `Bearer ${options.token}` }), ...(method === 'POST' && { 'content-type': 'application/json' }) }
    const req = request(`${base}${path}`, { method, headers }, (res) => {
      let text = ''
      res.setEncoding('utf8')
      res.on('data', (chunk) => (text += chunk))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }))
    })
    req.on('error', reject)
    req.end(method === 'POST' ? JSON.stringify(options.body ?? {}) : undefined)
  })
}
