import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/index.js'
import type { WechatClient } from '../../shared/wechat.js'
import { noticeParts, noticeText, subjectsOf } from '../notices/text.js'
import type { NoticeSender } from './dispatcher.js'
import type { NoticeKind } from '../notices/notices.js'
import { templateData, type NoticeTemplate } from './templates.js'

/** Without WeChat credentials notices are written to the log, so a demo shows what would have been sent. */
export const logSender =
  (log: FastifyBaseLogger): NoticeSender =>
  async (notice) => {
    log.info(
      { notice: { id: notice.id, userId: notice.userId, kind: notice.kind, payload: notice.payload } },
      'notice (logged, not sent)',
    )
  }

/** WeChat subscribe messages, each kind through its own template and that template's fields (WX_TEMPLATE_IDS). */
export function wechatSender(
  templates: Partial<Record<NoticeKind, NoticeTemplate>>,
  wechat: WechatClient,
  db: Db,
): NoticeSender {
  return async (notice) => {
    const template = templates[notice.kind]
    if (!template) throw new Error(`no template configured for ${notice.kind}`)
    const subject = (await subjectsOf(db, [notice.payload]))(notice.payload)
    const parts = noticeParts(notice.payload, subject)
    const text = noticeText(notice.kind, notice.payload, parts)
    const startsAt = typeof notice.payload.startsAt === 'string' ? notice.payload.startsAt : null
    const values = {
      title: text.title,
      body: text.body,
      topic: parts.topic.zh,
      time: parts.time.zh,
      wish: parts.wish.zh,
      activity: parts.activity.zh,
      reason: typeof notice.payload.reason === 'string' ? notice.payload.reason : '',
    }
    await wechat.post('/cgi-bin/message/subscribe/send', {
      touser: notice.openid,
      template_id: template.id,
      page: text.link?.replace(/^\//, ''),
      data: templateData(template.fields, values, startsAt ?? new Date().toISOString()),
    })
  }
}
