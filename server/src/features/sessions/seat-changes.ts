/**
 * What every change to a session's seats shares — booking, cancelling, resizing, cancelling the session — each used
 * inside a transaction that holds the session's lock (`lockSession`).
 */
import type { Transaction } from 'kysely'
import type { Database, LectureSessionsTable } from '../../db/schema.js'
import { errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import { seatsToPromote, type SeatState } from '../../shared/seats.js'
import { enqueueNotices } from '../notices/notices.js'

export type Trx = Transaction<Database>
export type SessionRow = Omit<LectureSessionsTable, 'confirmed_count' | 'waitlist_seq'> & {
  confirmed_count: number
  waitlist_seq: number
}

export const bookingClosed = () =>
  errors.conflict(
    'BOOKING_CLOSED',
    '讲座已开始，预约和取消均已截止',
    'The session has started; booking and cancelling are closed',
  )
export const sessionCancelled = () =>
  errors.conflict('SESSION_CANCELLED', '该场次已取消', 'This session has been cancelled')

/**
 * Takes the session row's lock for the rest of the transaction (an UPDATE locks on PostgreSQL; SQLite
 * runs one write transaction at a time), so every seat decision for a session is made one after another.
 */
export async function lockSession(trx: Trx, sessionId: string): Promise<SessionRow> {
  const row = await trx
    .updateTable('lecture_sessions')
    .set((eb) => ({ updated_at: eb.ref('updated_at') }))
    .where('id', '=', sessionId)
    .returningAll()
    .executeTakeFirst()
  if (!row) throw notFound.session()
  return { ...row, confirmed_count: Number(row.confirmed_count), waitlist_seq: Number(row.waitlist_seq) }
}

export const seatState = (s: SessionRow): SeatState => ({
  capacity: Number(s.capacity),
  confirmedCount: s.confirmed_count,
  waitlistSeq: s.waitlist_seq,
})

/** Moves the head of the waitlist into free seats, oldest ticket first, and tells each person. */
export async function promoteWaitlisted(trx: Trx, session: SessionRow, at: string): Promise<void> {
  const { n } = await trx
    .selectFrom('bookings')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('session_id', '=', session.id)
    .where('status', '=', 'waitlisted')
    .executeTakeFirstOrThrow()
  const count = seatsToPromote(seatState(session), Number(n))
  if (count === 0) return
  const promoted = await trx
    .selectFrom('bookings')
    .select(['id', 'user_id'])
    .where('session_id', '=', session.id)
    .where('status', '=', 'waitlisted')
    .orderBy('waitlist_ticket')
    .limit(count)
    .execute()
  await trx
    .updateTable('bookings')
    .set({ status: 'confirmed', waitlist_ticket: null, updated_at: at })
    .where(
      'id',
      'in',
      promoted.map((p) => p.id),
    )
    .execute()
  await trx
    .updateTable('lecture_sessions')
    .set({ confirmed_count: session.confirmed_count + promoted.length })
    .where('id', '=', session.id)
    .execute()
  session.confirmed_count += promoted.length
  await enqueueNotices(
    trx,
    promoted.map((p) => ({
      userId: p.user_id,
      kind: 'waitlist_promoted',
      dedupeKey: `waitlist_promoted:${p.id}:${at}`,
      payload: { sessionId: session.id, startsAt: session.starts_at },
    })),
    at,
  )
}

export async function attendees(trx: Trx, sessionId: string) {
  return trx
    .selectFrom('bookings')
    .select(['user_id'])
    .where('session_id', '=', sessionId)
    .where('status', 'in', ['confirmed', 'waitlisted'])
    .execute()
}
