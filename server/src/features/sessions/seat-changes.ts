/**
 * What every change to a session's seats shares — booking, cancelling, resizing, cancelling the session — each used
 * inside a transaction that holds the session's lock (`lockSession`).
 */
import type { Transaction } from 'kysely'
import type { Database, LectureSessionsTable } from '../../db/schema.js'
import { errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import { createWaitlist } from '../../shared/waitlist.js'
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

/** Bookings of lecture sessions: the seats and the waitlist on the session row, under its lock. */
const seats = createWaitlist<SessionRow>({
  parent: 'lecture_sessions',
  places: 'bookings',
  parentColumn: 'session_id',
  capacityOf: (session) => Number(session.capacity),
  notFound: notFound.session,
  tellPromoted: (trx, promoted, session, at) =>
    enqueueNotices(
      trx,
      promoted.map((p) => ({
        userId: p.user_id,
        kind: 'waitlist_promoted',
        dedupeKey: `waitlist_promoted:${p.id}:${at}`,
        payload: { sessionId: session.id, startsAt: session.starts_at },
      })),
      at,
    ),
})

/** Takes the session row's lock for the rest of the transaction: every seat decision for a session, one after another. */
export const lockSession = seats.lock
export const takeSeat = seats.take
export const saveSeatCounts = seats.saveCounts
/** Moves the head of the waitlist into free seats, oldest ticket first, and tells each person. */
export const promoteWaitlisted = seats.promote
export const giveSeatBack = seats.giveBack

/** Who holds a seat or a waitlist ticket: those told of a change or a cancellation. */
export const attendees = seats.holders
