import type { Config } from '../config.js'

/** The WeChat server API (access-token calls) as this app uses it: subscribe messages and content checks. */
export interface WechatApi {
  /** POSTs JSON to `path` with the cached access token; throws when WeChat answers with an errcode. */
  post<T extends { errcode?: number; errmsg?: string }>(path: string, body: object): Promise<T>
}

export function createWechatApi(config: Config): WechatApi {
  let token: { value: string; expiresAt: number } | null = null

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value
    const url = new URL('/cgi-bin/token', config.WX_API_BASE)
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: config.WX_APPID ?? '', secret: config.WX_SECRET ?? '' }).toString()
    const body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errmsg?: string }
    if (!body.access_token) throw new Error(`access_token: ${body.errmsg ?? 'no token'}`)
    // Renewed five minutes early so a call never carries a token that expires on the way.
    token = { value: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 }
    return token.value
  }

  return {
    async post(path, body) {
      const url = new URL(path, config.WX_API_BASE)
      url.searchParams.set('access_token', await accessToken())
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        signal: AbortSignal.timeout(5000),
        body: JSON.stringify(body),
      })
      const answer = (await response.json()) as Awaited<ReturnType<WechatApi['post']>>
      if (answer.errcode) throw new Error(`${path} ${answer.errcode}: ${answer.errmsg}`)
      return answer as never
    },
  }
}
