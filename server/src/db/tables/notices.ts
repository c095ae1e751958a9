/** What the system tells and keeps: the notice outbox, the inbox, consents to WeChat notices, and the audit log. */
import type { Generated } from 'kysely'
import type { IsoTime } from './columns.js'

/** Who changed what, when: one row per staff change. */
export interface AuditLogTable {
  id: string
  actor_id: string | null
  entity: string
  entity_id: string
  action: string
  detail_json: string
  created_at: IsoTime
}

export interface OutboxTable {
  id: string
  user_id: string
  kind: string
  /** Unique: the same notice is never queued, so never sent, twice. */
  dedupe_key: string
  payload_json: string
  /** `skipped`: WeChat only delivers what the person subscribed to, and they had not. */
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped'
  attempts: Generated<number>
  next_attempt_at: IsoTime
  last_error: string | null
  created_at: IsoTime
  sent_at: IsoTime | null
}

export interface NoticeConsentsTable {
  user_id: string
  kind: string
  /** Messages of this kind the person has allowed and not yet received. */
  credits: number
  updated_at: IsoTime
}

/** A notice as the person reads it in the app; title and text are written from kind and payload when read. */
export interface InboxNoticesTable {
  id: string
  user_id: string
  kind: string
  /** The outbox's key: one notice, one inbox entry. */
  dedupe_key: string
  payload_json: string
  created_at: IsoTime
  read_at: IsoTime | null
}
