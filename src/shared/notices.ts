import Taro, { useLoad } from '@tarojs/taro'
import type { NoticeKind, NoticeTemplates } from '@contract'
import { call } from './client'

let templates: Promise<NoticeTemplates['templates']> | null = null
let known: NoticeTemplates['templates'] = []

function loadTemplates() {
  templates ??= call('GET /api/notifications/templates', { toast: false }).then(
    (r) => (known = r.templates),
    () => {
      templates = null // try again on the next page
      return []
    },
  )
}

/**
 * WeChat shows its "allow messages?" prompt only when asked straight from a tap, so a page that will ask loads the
 * template ids when it opens, and `ask` is the first thing its tap handler calls. Only in weapp; elsewhere there is
 * no such prompt and nothing is sent.
 */
export function useNoticePrompt(kinds: readonly NoticeKind[]): () => Promise<void> {
  useLoad(() => {
    if (process.env.TARO_ENV === 'weapp') loadTemplates()
  })
  return async () => {
    const wanted = known.filter((t) => kinds.includes(t.kind)).slice(0, 3)
    if (wanted.length === 0) return
    try {
      // The answer has one key per template id: 'accept', 'reject', 'ban' or 'filter'.
      const answer = (await Taro.requestSubscribeMessage({
        tmplIds: wanted.map((t) => t.templateId),
        entityIds: [],
      })) as unknown as Record<string, string>
      const accepted = wanted.filter((t) => answer[t.templateId] === 'accept').map((t) => t.kind)
      if (accepted.length) await call('POST /api/me/subscriptions', { body: { accepted }, toast: false })
    } catch {
      // Declined or unavailable: the action goes ahead, only without messages.
    }
  }
}
