import type { Kysely, Transaction } from 'kysely'
import type { Database } from '../../db/schema.js'
import { newId } from '../../shared/ids.js'

export const NOTICE_KINDS = [
  'booking_confirmed',
  'booking_waitlisted',
  'waitlist_promoted',
  'session_changed',
  'session_cancelled',
  'session_reminder',
  'topic_scheduled',
  'wish_published',
  'wish_rejected',
  'wish_claimed',
  'wish_released',
  'wish_fulfilled',
  'wish_confirmed',
  'wish_disputed',
  'urgent_wish_submitted',
  'wish_review_overdue',
  'wish_claim_overdue',
  'activity_promoted',
  'activity_changed',
  'activity_cancelled',
  'member_verified',
] as const
export type NoticeKind = (typeof NOTICE_KINDS)[number]

export interface Notice {
  userId: string
  kind: NoticeKind
  /** Same key, same notice: a second enqueue is ignored, so nothing is ever sent twice. */
  dedupeKey: string
  payload: Record<string, string | number | null>
}

/**
 * The notices core: what a person can be told (the kinds), how it is recorded, and (in `text.ts`) how it reads.
 * Features that cause notices, delivery (`notifications`) and the inbox all depend on this module, never on one
 * another.
 *
 * Queues notices in the caller's transaction: they exist exactly when the change that caused them does. Each is
 * written twice: an outbox row for delivery (WeChat's subscribe message, with retries) and an inbox row for the person
 * to read in the app (消息), since WeChat delivers only what they subscribed to.
 */
export async function enqueueNotices(trx: Transaction<Database> | Kysely<Database>, notices: Notice[], at: string) {
  if (notices.length === 0) return
  await trx
    .insertInto('outbox')
    .values(
      notices.map((n) => ({
        id: newId('ob'),
        user_id: n.userId,
        kind: n.kind,
        dedupe_key: n.dedupeKey,
        payload_json: JSON.stringify(n.payload),
        status: 'pending' as const,
        next_attempt_at: at,
        created_at: at,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
  await trx
    .insertInto('inbox_notices')
    .values(
      notices.map((n) => ({
        id: newId('nt'),
        user_id: n.userId,
        kind: n.kind,
        dedupe_key: n.dedupeKey,
        payload_json: JSON.stringify(n.payload),
        created_at: at,
        read_at: null,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute()
}
