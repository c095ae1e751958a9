import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.js'
import type { NoticeSender } from './dispatcher.js'

/** Without WeChat credentials notices are written to the log, so a demo shows what would have been sent. */
export const logSender =
  (log: FastifyBaseLogger): NoticeSender =>
  async (notice) => {
    log.info({ notice: { id: notice.id, userId: notice.userId, kind: notice.kind, payload: notice.payload } }, 'notice (logged, not sent)')
  }

/**
 * WeChat subscribe messages. Template ids come from WX_TEMPLATE_IDS (JSON: kind → template id); each
 * template is expected to have `thing1` (what), `time2` (when) and `thing3` (note) fields.
 */
export function wechatSender(config: Config): NoticeSender {
  const templates = config.WX_TEMPLATE_IDS
  let token: { value: string; expiresAt: number } | null = null

  async function accessToken(): Promise<string> {
    if (token && token.expiresAt > Date.now()) return token.value
    const url = new URL('https://api.weixin.qq.com/cgi-bin/token')
    url.search = new URLSearchParams({ grant_type: 'client_credential', appid: config.WX_APPID ?? '', secret: config.WX_SECRET ?? '' }).toString()
    const body = (await (await fetch(url, { signal: AbortSignal.timeout(5000) })).json()) as { access_token?: string; expires_in?: number; errmsg?: string }
    if (!body.access_token) throw new Error(`access_token: ${body.errmsg ?? 'no token'}`)
    token = { value: body.access_token, expiresAt: Date.now() + ((body.expires_in ?? 7200) - 300) * 1000 }
    return token.value
  }

  return async (notice) => {
    const template = templates[notice.kind]
    if (!template) throw new Error(`no template configured for ${notice.kind}`)
    const text = (v: unknown) => ({ value: String(v ?? '').slice(0, 20) })
    const response = await fetch(`https://api.weixin.qq.com/cgi-bin/message/subscribe/send?access_token=${await accessToken()}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      signal: AbortSignal.timeout(5000),
      body: JSON.stringify({
        touser: notice.openid,
        template_id: template,
        page: typeof notice.payload.sessionId === 'string' ? `features/lectures/pages/session/index?id=${notice.payload.sessionId}` : undefined,
        data: { thing1: text(notice.payload.topic ?? notice.kind), time2: text(notice.payload.startsAt), thing3: text(notice.payload.reason ?? '') },
      }),
    })
    const body = (await response.json()) as { errcode?: number; errmsg?: string }
    if (body.errcode) throw new Error(`subscribe/send ${body.errcode}: ${body.errmsg}`)
  }
}
