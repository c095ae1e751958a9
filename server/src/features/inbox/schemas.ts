import { z } from 'zod'
import { identifier, token } from '../../shared/validation.js'
import { NOTICE_KINDS } from '../notices/notices.js'
import { nameSchemas } from '../../shared/openapi-components.js'

export const inboxQuerySchema = z.object({
  cursor: token(120).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
})
export type InboxQuery = z.input<typeof inboxQuerySchema>

export const inboxNoticeSchema = z.object({
  id: z.string(),
  kind: z.enum(NOTICE_KINDS),
  title: z.string().describe('in Chinese'),
  titleEn: z.string(),
  body: z.string().describe('in Chinese'),
  bodyEn: z.string(),
  link: z.string().optional().describe('the app page the notice is about'),
  createdAt: z.string(),
  readAt: z.string().nullable().describe('null while unread'),
})
export type InboxNotice = z.infer<typeof inboxNoticeSchema>

export const inboxPageSchema = z.object({
  items: z.array(inboxNoticeSchema),
  unread: z.number().int(),
  nextCursor: z.string().nullable(),
})
export type InboxPage = z.infer<typeof inboxPageSchema>

/** Without ids: everything the person has. Ids that are not theirs change nothing. */
export const inboxReadSchema = z.object({ ids: z.array(identifier()).min(1).max(100).optional() })
export type InboxRead = z.infer<typeof inboxReadSchema>

export const inboxUnreadSchema = z.object({ unread: z.number().int() })
export type InboxUnread = z.infer<typeof inboxUnreadSchema>

nameSchemas({ InboxNotice: inboxNoticeSchema, InboxPage: inboxPageSchema, InboxUnread: inboxUnreadSchema })
