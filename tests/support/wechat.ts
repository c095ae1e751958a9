import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { PNG } from 'pngjs'
import { encode } from 'uqr'

/** What a 小程序码 was asked for with (`wxa/getwxacode/getunlimited`). */
export interface WxacodeRequest {
  scene: string
  page: string
}

/**
 * The stand-in's 小程序码: a real one is a round "sun code" only WeChat reads, so this draws an ordinary QR code of
 * `scene=…&page=…`, which a test decodes to see what reached WeChat and that the poster carries it.
 */
function wxacodeStandIn({ scene, page }: WxacodeRequest): Buffer {
  const modules = encode(`scene=${scene}&page=${page}`, { border: 4 }).data
  const unit = 8
  const image = new PNG({ width: modules.length * unit, height: modules.length * unit })
  for (let y = 0; y < image.height; y += 1)
    for (let x = 0; x < image.width; x += 1) {
      const ink = modules[Math.floor(y / unit)]![Math.floor(x / unit)] ? 0 : 255
      image.data.fill(ink, (y * image.width + x) * 4, (y * image.width + x) * 4 + 3)
      image.data[(y * image.width + x) * 4 + 3] = 255
    }
  return PNG.sync.write(image)
}

export interface SubscribeMessage {
  touser: string
  template_id: string
  page?: string
  data: Record<string, { value: string }>
}

/**
 * A stand-in for api.weixin.qq.com on loopback (the real one is out of reach from tests). It issues tokens as WeChat
 * does: `cgi-bin/token` invalidates every earlier token it issued, `cgi-bin/stable_token` hands every caller the same
 * one until it is revoked; calls with any other token get 40001. It answers code2session (`good-code`, or `good-<x>`
 * for openid `wx-<x>`), judges text as msgSecCheck v2 does (anything with 风险词 is risky), takes subscribe messages and
 * draws 小程序码 (see wxacodeStandIn).
 * A token lives `tokenLifetimeSeconds` on the `now` clock (WeChat: 7200 s); calls with an expired one get 42001. As
 * WeChat documents for `stable_token`, a request in the last 5 minutes of a token's life gets the next one, and the
 * previous one stays valid until it expires.
 */
/** WeChat's overlap of two stable tokens: the next one is handed out this long before the current one expires. */
const HANDOVER_MS = 5 * 60_000

export function startWechatStandIn({ tokenLifetimeSeconds = 7200, now = Date.now } = {}) {
  const checked: { content: string; openid: string; version: number }[] = []
  const sent: SubscribeMessage[] = []
  const wxacodes: WxacodeRequest[] = []
  const tokenRequests = { stable: 0, plain: 0 }
  let tokensInFlight = 0
  let maxTokensInFlight = 0
  let staleAnswers = 0
  const lifetimeMs = tokenLifetimeSeconds * 1000
  let plain = { serial: 0, token: '', expiresAt: 0 }
  let stable = { serial: 1, token: 'stable-1', expiresAt: now() + lifetimeMs }
  let previousStable: typeof stable | null = null
  let down = false
  const issueStable = (keepPrevious: boolean) => {
    previousStable = keepPrevious ? stable : null
    stable = { serial: stable.serial + 1, token: `stable-${stable.serial + 1}`, expiresAt: now() + lifetimeMs }
  }

  const issuedAs = (token: string | null) =>
    token ? [stable, previousStable, plain].find((issued) => issued?.token === token) : undefined
  const secondsLeft = (expiresAt: number) => Math.floor((expiresAt - now()) / 1000)
  // WeChat takes a moment to issue a token; the delay is what lets concurrent callers overlap, as they would there.
  const issueToken = (reply: () => void) => {
    tokensInFlight += 1
    maxTokensInFlight = Math.max(maxTokensInFlight, tokensInFlight)
    setTimeout(() => {
      tokensInFlight -= 1
      reply()
    }, 50)
  }

  const server: Server = createServer((req, res) => {
    let text = ''
    req.on('data', (c) => (text += c))
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://wechat')
      const reply = (body: object, status = 200) =>
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body))
      const token = url.searchParams.get('access_token')
      if (down) return reply({ errcode: -1, errmsg: 'system busy' }, 503)
      switch (url.pathname) {
        case '/cgi-bin/token':
          tokenRequests.plain += 1
          plain = { serial: plain.serial + 1, token: `plain-${plain.serial + 1}`, expiresAt: now() + lifetimeMs }
          return issueToken(() => reply({ access_token: plain.token, expires_in: tokenLifetimeSeconds }))
        case '/cgi-bin/stable_token':
          tokenRequests.stable += 1
          if (stable.expiresAt - now() <= HANDOVER_MS) issueStable(stable.expiresAt > now())
          return issueToken(() => reply({ access_token: stable.token, expires_in: secondsLeft(stable.expiresAt) }))
        case '/sns/jscode2session': {
          const code = url.searchParams.get('js_code') ?? ''
          if (code === 'good-code') return reply({ openid: 'wx-openid-1', session_key: 'k' })
          if (code.startsWith('good-')) return reply({ openid: `wx-${code.slice(5)}`, session_key: 'k' })
          return reply({ errcode: 40029, errmsg: 'invalid code' })
        }
      }
      const issued = issuedAs(token)
      if (!issued) {
        staleAnswers += 1
        return reply({ errcode: 40001, errmsg: 'invalid credential' })
      }
      if (issued.expiresAt <= now()) {
        staleAnswers += 1
        return reply({ errcode: 42001, errmsg: 'access_token expired' })
      }
      if (url.pathname === '/wxa/msg_sec_check') {
        const body = JSON.parse(text) as { content: string; openid: string; version: number }
        checked.push(body)
        return reply({
          errcode: 0,
          result: { suggest: body.content.includes('风险词') ? 'risky' : 'pass', label: 100 },
        })
      }
      if (url.pathname === '/wxa/getwxacode/getunlimited') {
        const asked = JSON.parse(text) as WxacodeRequest
        wxacodes.push({ scene: asked.scene, page: asked.page })
        return res.writeHead(200, { 'content-type': 'image/png' }).end(wxacodeStandIn(asked))
      }
      if (url.pathname === '/cgi-bin/message/subscribe/send') {
        sent.push(JSON.parse(text) as SubscribeMessage)
        return reply({ errcode: 0, errmsg: 'ok' })
      }
      reply({ errcode: 40001, errmsg: 'invalid credential' })
    })
  })
  return new Promise<{
    base: string
    checked: typeof checked
    sent: typeof sent
    /** Every 小程序码 asked for, in order. */
    wxacodes: typeof wxacodes
    tokenRequests: typeof tokenRequests
    /** The most token requests WeChat was answering at one time. */
    maxTokensInFlight(): number
    /** How many calls were refused with 40001 or 42001 (a token that is no longer valid, or expired). */
    staleAnswers(): number
    /** How many stable tokens were issued. */
    stableTokensIssued(): number
    /** Replaces the stable token, as a force_refresh elsewhere would: calls with the old one now get 40001. */
    revokeStableToken(): void
    setDown(value: boolean): void
    close(): void
  }>((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        checked,
        sent,
        wxacodes,
        tokenRequests,
        maxTokensInFlight: () => maxTokensInFlight,
        staleAnswers: () => staleAnswers,
        stableTokensIssued: () => stable.serial,
        revokeStableToken: () => issueStable(false),
        setDown: (value) => (down = value),
        close: () => server.close(),
      }),
    ),
  )
}
