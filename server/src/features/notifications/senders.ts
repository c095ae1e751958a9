import type { FastifyBaseLogger } from 'fastify'
import type { Config } from '../../config.js'
import type { WechatApi } from '../../shared/wechat.js'
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
export function wechatSender(config: Config, wechat: WechatApi): NoticeSender {
  const templates = config.WX_TEMPLATE_IDS
  return async (notice) => {
    const template = templates[notice.kind]
    if (!template) throw new Error(`no template configured for ${notice.kind}`)
    const text = (v: unknown) => ({ value: String(v ?? '').slice(0, 20) })
    await wechat.post('/cgi-bin/message/subscribe/send', {
      touser: notice.openid,
      template_id: template,
      page: typeof notice.payload.sessionId === 'string' ? `features/lectures/pages/session/index?id=${notice.payload.sessionId}` : undefined,
      data: { thing1: text(notice.payload.topic ?? notice.kind), time2: text(notice.payload.startsAt), thing3: text(notice.payload.reason ?? '') },
    })
  }
}
