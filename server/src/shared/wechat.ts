import type { Config } from '../config.js'

/** WeChat's answers carry `errcode` (0 or absent when all is well). */
type WechatAnswer = { errcode?: number; errmsg?: string }

export class WechatError extends Error {
  constructor(
    readonly path: string,
    readonly errcode: number,
    errmsg: string,
  ) {
    super(`${path} ${errcode}: ${errmsg}`)
  }
}

/**
 * WeChat's server API as this app uses it: one per process, shared by login, content checks and the notice worker, so
 * the process holds one access token and asks for it one request at a time.
 */
export interface WechatClient {
  /** The openid for a `wx.login` code, or null when WeChat refuses the code (invalid, used, expired). */
  code2Session(code: string): Promise<string | null>
  /** POSTs JSON to `path` with the access token; throws a WechatError when WeChat answers with an errcode. */
  post<T extends WechatAnswer>(path: string, body: object): Promise<T>
  /** The same for an answer that is a file (a 小程序码 image); WeChat sends its refusals as JSON instead. */
  postForFile(path: string, body: object): Promise<Buffer>
}

/** invalid credential / access_token expired: the token was dropped on WeChat's side; a fresh one may succeed. */
const STALE_TOKEN_CODES = new Set([40001, 42001])
/** A token is renewed this long before WeChat's expiry, so a call never carries one that expires on the way. */
const RENEW_AHEAD_MS = 5 * 60_000
const TIMEOUT_MS = 5000

export function createWechatClient(config: Config, now: () => number = Date.now): WechatClient {
  const url = (path: string, query: Record<string, string> = {}) => {
    const target = new URL(path, config.WX_API_BASE)
    target.search = new URLSearchParams(query).toString()
    return target
  }
  const send = (target: URL, body: object) =>
    fetch(target, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(TIMEOUT_MS),
      body: JSON.stringify(body),
    })
  const postJson = async <T>(target: URL, body: object) => (await (await send(target, body)).json()) as T

  let token: { value: string; renewAt: number } | null = null
  let renewing: Promise<string> | null = null

  /**
   * The stable token (`cgi-bin/stable_token`): unlike `cgi-bin/token` it does not invalidate what other instances
   * hold, and while it is valid every instance gets the same one.
   */
  async function fetchToken(): Promise<string> {
    const answer = await postJson<WechatAnswer & { access_token?: string; expires_in?: number }>(
      url('/cgi-bin/stable_token'),
      {
        grant_type: 'client_credential',
        appid: config.WX_APPID ?? '',
        secret: config.WX_SECRET ?? '',
        force_refresh: false,
      },
    )
    if (!answer.access_token)
      throw new WechatError('/cgi-bin/stable_token', answer.errcode ?? -1, answer.errmsg ?? 'no token')
    const lifetimeMs = (answer.expires_in ?? 7200) * 1000
    // WeChat hands out the next token in a token's last 5 minutes, which is when this renews; were a token given for
    // less than twice that, renewing at half its life still leaves a call on its way time to arrive.
    token = { value: answer.access_token, renewAt: now() + Math.max(lifetimeMs - RENEW_AHEAD_MS, lifetimeMs / 2) }
    return token.value
  }

  function accessToken(): Promise<string> {
    if (token && token.renewAt > now()) return Promise.resolve(token.value)
    renewing ??= fetchToken().finally(() => (renewing = null))
    return renewing
  }

  /**
   * One call with the access token, read by `read` into a value or WeChat's errcode. When WeChat says the token is
   * stale, only the token that failed is dropped (another call may already have brought a fresh one) and the call is
   * made once more.
   */
  async function callWithToken<T>(path: string, body: object, read: (answer: Response) => Promise<T | WechatAnswer>) {
    const attempt = async () => {
      const used = await accessToken()
      return { used, answer: await read(await send(url(path, { access_token: used }), body)) }
    }
    const refused = (answer: T | WechatAnswer): answer is WechatAnswer & { errcode: number } =>
      typeof answer === 'object' && answer !== null && 'errcode' in answer && Boolean(answer.errcode)
    const first = await attempt()
    let answer = first.answer
    if (refused(answer) && STALE_TOKEN_CODES.has(answer.errcode)) {
      if (token?.value === first.used) token = null
      answer = (await attempt()).answer
    }
    if (refused(answer)) throw new WechatError(path, answer.errcode, answer.errmsg ?? '')
    return answer as T
  }

  return {
    async code2Session(code) {
      const target = url('/sns/jscode2session', {
        appid: config.WX_APPID ?? '',
        secret: config.WX_SECRET ?? '',
        js_code: code,
        grant_type: 'authorization_code',
      })
      const answer = (await (
        await fetch(target, { signal: AbortSignal.timeout(TIMEOUT_MS) })
      ).json()) as WechatAnswer & { openid?: string }
      return answer.openid ?? null
    },

    post<T extends WechatAnswer>(path: string, body: object) {
      return callWithToken<T>(path, body, async (answer) => (await answer.json()) as T)
    },

    postForFile(path, body) {
      return callWithToken<Buffer>(path, body, async (answer) => {
        if (answer.ok && !answer.headers.get('content-type')?.includes('json'))
          return Buffer.from(await answer.arrayBuffer())
        const refusal = (await answer.json()) as WechatAnswer
        return { errcode: refusal.errcode || -1, errmsg: refusal.errmsg ?? `HTTP ${String(answer.status)}` }
      })
    },
  }
}

/** With AUTH_MODE=wechat the process makes one client and hands it to everything that talks to WeChat. */
export const wechatClientFor = (config: Config) => (config.AUTH_MODE === 'wechat' ? createWechatClient(config) : null)
