import { z } from 'zod'
import { SHANGHAI_OFFSET_MS } from '../../shared/values/shanghai-clock.js'
import { NOTICE_KINDS, type NoticeKind } from '../notices/notices.js'

/** What a notice can put into a subscribe-message field. */
export const NOTICE_VALUES = ['title', 'body', 'topic', 'time', 'wish', 'reason', 'activity'] as const
export type NoticeValue = (typeof NOTICE_VALUES)[number]

/** Template field (WeChat's key: its type then its number, e.g. `thing1`, `time2`, `phrase3`) → what it carries. */
export type TemplateFields = Record<string, NoticeValue>

export interface NoticeTemplate {
  id: string
  fields: TemplateFields
}

const LECTURE: TemplateFields = { thing1: 'topic', time2: 'time', thing3: 'title' }
const LECTURE_WITH_REASON: TemplateFields = { thing1: 'topic', time2: 'time', thing3: 'reason' }
const ACTIVITY: TemplateFields = { thing1: 'activity', time2: 'time', thing3: 'title' }
const ACTIVITY_WITH_REASON: TemplateFields = { thing1: 'activity', time2: 'time', thing3: 'reason' }
const MEMBER: TemplateFields = { thing1: 'title', time2: 'time' }
const WISH: TemplateFields = { thing1: 'wish', thing2: 'title' }
const WISH_WITH_REASON: TemplateFields = { thing1: 'wish', thing2: 'reason' }

/** The fields a template configured by its id alone is taken to have. */
export const DEFAULT_TEMPLATE_FIELDS: Record<NoticeKind, TemplateFields> = {
  booking_confirmed: LECTURE,
  booking_waitlisted: LECTURE,
  waitlist_promoted: LECTURE,
  session_changed: LECTURE,
  session_cancelled: LECTURE_WITH_REASON,
  session_reminder: LECTURE,
  topic_scheduled: LECTURE,
  wish_published: WISH,
  wish_rejected: WISH_WITH_REASON,
  wish_claimed: WISH,
  wish_released: WISH_WITH_REASON,
  wish_fulfilled: WISH,
  wish_confirmed: WISH,
  wish_disputed: WISH_WITH_REASON,
  urgent_wish_submitted: WISH,
  wish_review_overdue: WISH,
  wish_claim_overdue: WISH,
  activity_promoted: ACTIVITY,
  activity_changed: ACTIVITY,
  activity_cancelled: ACTIVITY_WITH_REASON,
  member_verified: MEMBER,
}

const templateSchema = z.union([
  z.string().min(1),
  z.object({ id: z.string().min(1), fields: z.record(z.string().regex(/^[a-z_]+\d+$/), z.enum(NOTICE_VALUES)) }),
])

/**
 * WX_TEMPLATE_IDS: notice kind → template id, or → `{"id": …, "fields": {"thing1": "topic", "time2": "time"}}` for a
 * template laid out differently from the default for its kind.
 */
export function parseTemplates(text: string | undefined): Partial<Record<NoticeKind, NoticeTemplate>> {
  const given = z.partialRecord(z.enum(NOTICE_KINDS), templateSchema).parse(JSON.parse(text || '{}'))
  return Object.fromEntries(
    Object.entries(given).map(([kind, template]) => [
      kind,
      typeof template === 'string' ? { id: template, fields: DEFAULT_TEMPLATE_FIELDS[kind as NoticeKind] } : template,
    ]),
  )
}

/** WeChat's length limit per field type; longer values are refused, so they are cut. */
const MAX_LENGTH: Record<string, number> = {
  thing: 20,
  name: 10,
  phrase: 5,
  symbol: 5,
  character_string: 32,
  letter: 32,
}

/** `2026年11月25日 20:00`, the form WeChat's `time` fields take (`date` fields take the day only). */
function wechatTime(iso: string, type: string): string {
  const local = new Date(Date.parse(iso) + SHANGHAI_OFFSET_MS)
  const day = `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`
  return type === 'date' ? day : `${day} ${local.toISOString().slice(11, 16)}`
}

/**
 * A template's `data`: each field's value in the form its type takes. `time` and `date` fields carry the notice's
 * moment (the lecture's start, else when it is sent) whatever they are mapped to, as WeChat accepts nothing else there.
 */
export function templateData(fields: TemplateFields, values: Record<NoticeValue, string>, moment: string) {
  return Object.fromEntries(
    Object.entries(fields).map(([key, value]) => {
      const type = key.replace(/\d+$/, '')
      if (type === 'time' || type === 'date') return [key, { value: wechatTime(moment, type) }]
      return [
        key,
        {
          value: Array.from(values[value])
            .slice(0, MAX_LENGTH[type] ?? 20)
            .join(''),
        },
      ]
    }),
  )
}
