import type { FastifyBaseLogger } from 'fastify'
import type { Db } from '../../db/index.js'
import { takeConsent } from './consent.js'
import type { NoticeKind } from '../notices/notices.js'

export interface OutgoingNotice {
  id: string
  userId: string
  openid: string
  kind: NoticeKind
  payload: Record<string, unknown>
}

/** Delivers one notice or throws; the dispatcher owns retries. */
export type NoticeSender = (notice: OutgoingNotice) => Promise<void>

export const MAX_ATTEMPTS = 6
/** A claimed notice is someone's for this long; if its dispatcher dies, another picks it up after. */
const LEASE_MS = 60_000
const backoffMs = (attempts: number) => 30_000 * 2 ** (attempts - 1)

export interface DispatcherOptions {
  /**
   * WeChat delivers a subscribe message only if the person accepted that kind in the app (one message per accept),
   * so a notice without a credit is skipped rather than sent and refused.
   */
  requireConsent?: boolean
}

export function createDispatcher(
  db: Db,
  clock: () => Date,
  send: NoticeSender,
  log: FastifyBaseLogger,
  options: DispatcherOptions = {},
) {
  /** Claims due notices (safe with several instances: a row is claimed by one UPDATE), sends, records the outcome. */
  async function runOnce(batch = 20): Promise<{ sent: number; retried: number; failed: number; skipped: number }> {
    const now = clock()
    const claimed = await db
      .updateTable('outbox')
      .set({ status: 'sending', next_attempt_at: new Date(now.getTime() + LEASE_MS).toISOString() })
      .where('id', 'in', (eb) =>
        eb
          .selectFrom('outbox')
          .select('id')
          .where('status', 'in', ['pending', 'sending'])
          .where('next_attempt_at', '<=', now.toISOString())
          .orderBy('next_attempt_at')
          .limit(batch),
      )
      .where('status', 'in', ['pending', 'sending'])
      .where('next_attempt_at', '<=', now.toISOString())
      .returning(['id', 'user_id', 'kind', 'payload_json', 'attempts'])
      .execute()

    const outcome = { sent: 0, retried: 0, failed: 0, skipped: 0 }
    for (const row of claimed) {
      // The credit is spent on the first attempt only: a retry delivers the message already allowed.
      if (
        options.requireConsent &&
        Number(row.attempts) === 0 &&
        !(await takeConsent(db, row.user_id, row.kind as NoticeKind, now.toISOString()))
      ) {
        await db
          .updateTable('outbox')
          .set({ status: 'skipped', last_error: 'not subscribed' })
          .where('id', '=', row.id)
          .execute()
        outcome.skipped += 1
        continue
      }
      const user = await db.selectFrom('users').select('openid').where('id', '=', row.user_id).executeTakeFirst()
      try {
        await send({
          id: row.id,
          userId: row.user_id,
          openid: user?.openid ?? '',
          kind: row.kind as NoticeKind,
          payload: JSON.parse(row.payload_json) as Record<string, unknown>,
        })
        await db
          .updateTable('outbox')
          .set({ status: 'sent', sent_at: clock().toISOString() })
          .where('id', '=', row.id)
          .execute()
        outcome.sent += 1
      } catch (error) {
        const attempts = Number(row.attempts) + 1
        const giveUp = attempts >= MAX_ATTEMPTS
        await db
          .updateTable('outbox')
          .set({
            status: giveUp ? 'failed' : 'pending',
            attempts,
            last_error: String(error instanceof Error ? error.message : error).slice(0, 500),
            next_attempt_at: new Date(clock().getTime() + backoffMs(attempts)).toISOString(),
          })
          .where('id', '=', row.id)
          .execute()
        outcome[giveUp ? 'failed' : 'retried'] += 1
        log.warn(
          { noticeId: row.id, attempts, err: error },
          giveUp ? 'notice failed for good' : 'notice will be retried',
        )
      }
    }
    return outcome
  }

  return { runOnce }
}
