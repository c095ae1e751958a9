import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A stand-in for api.weixin.qq.com on loopback (the real one is out of reach from tests): it issues tokens,
 * answers code2session, and judges text as msgSecCheck v2 does, calling anything with 风险词 risky.
 */
export function startWechatStandIn() {
  const checked: { content: string; openid: string; version: number }[] = []
  let down = false
  const server: Server = createServer((req, res) => {
    let text = ''
    req.on('data', (c) => (text += c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://wechat')
      const reply = (body: object, status = 200) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      if (down) return reply({ errcode: -1, errmsg: 'system busy' }, 503)
      if (url.pathname === '/cgi-bin/token') return reply({ access_token: 'token-1', expires_in: 7200 })
      if (url.pathname === '/sns/jscode2session') return reply(url.searchParams.get('js_code') === 'good-code' ? { openid: 'wx-openid-1', session_key: 'k' } : { errcode: 40029, errmsg: 'invalid code' })
      if (url.pathname === '/wxa/msg_sec_check' && url.searchParams.get('access_token') === 'token-1') {
        const body = JSON.parse(text) as { content: string; openid: string; version: number }
        checked.push(body)
        return reply({ errcode: 0, result: { suggest: body.content.includes('风险词') ? 'risky' : 'pass', label: 100 } })
      }
      reply({ errcode: 40001, errmsg: 'invalid credential' })
    })
  })
  return new Promise<{ base: string; checked: typeof checked; setDown(value: boolean): void; close(): void }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        checked,
        setDown: (value) => (down = value),
        close: () => server.close(),
      }),
    ),
  )
}
