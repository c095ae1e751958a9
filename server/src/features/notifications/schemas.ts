import { z } from 'zod'
import { NOTICE_KINDS } from '../notices/notices.js'
import { nameSchemas } from '../../shared/openapi-components.js'

const noticeKind = z.enum(NOTICE_KINDS)

export const noticeTemplatesSchema = z.object({
  templates: z.array(z.object({ kind: noticeKind, templateId: z.string() })),
})
export type NoticeTemplates = z.infer<typeof noticeTemplatesSchema>

/** WeChat's prompt offers at most three templates at a time. */
export const subscriptionGrantSchema = z.object({ accepted: z.array(noticeKind).min(1).max(3) })
export type SubscriptionGrant = z.infer<typeof subscriptionGrantSchema>

export const subscriptionsSchema = z.object({
  items: z.array(
    z.object({ kind: noticeKind, credits: z.number().int().describe('messages of this kind still allowed') }),
  ),
})
export type Subscriptions = z.infer<typeof subscriptionsSchema>

nameSchemas({ NoticeKind: noticeKind, NoticeTemplates: noticeTemplatesSchema, Subscriptions: subscriptionsSchema })
