import type { Selectable } from 'kysely'
import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import type { BookingsTable } from '../../db/schema.js'
import { recordChange } from '../../shared/audit.js'
import { notFound } from '../../shared/not-found.js'
import { newId } from '../../shared/ids.js'
import { createKeyedQueue } from '../../shared/keyed-queue.js'
import type { Origin } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import { enqueueNotices, type Notice } from '../notices/notices.js'
import type { Booking, LectureSession, sessionPatchSchema } from './schemas.js'
import { findSessionForBookings } from './queries.js'
import { changeSession } from './edits.js'
import { assertSessionInScope } from './scope.js'
import {
  attendees,
  bookingClosed,
  giveSeatBack,
  lockSession,
  saveSeatCounts,
  takeSeat,
  sessionCancelled,
  type SessionRow,
  type Trx,
} from './seat-changes.js'

export function createBookingDesk(db: Db, clock: () => Date) {
  const inTurn = createKeyedQueue()
  /** A transaction holding the session's lock: every seat decision for one session happens inside one, in turn. */
  const underSessionLock = <T>(sessionId: string, work: (trx: Trx, session: SessionRow) => Promise<T>) =>
    inTurn(sessionId, () => db.transaction().execute(async (trx) => work(trx, await lockSession(trx, sessionId))))

  /**
   * Everyone who asks for a seat in a session while its previous round is being written joins the next round,
   * and a round is one transaction under the session lock: the seats are handed out in arrival order by
   * `decideSeat`, exactly as one-by-one would, but a rush of a thousand takes a handful of lock turns instead of
   * a thousand. A round that fails fails for everyone in it, and nothing of it is written.
   */
  const rounds = new Map<string, { users: User[]; done: Promise<RoundAnswers> }>()

  type BookingRow = { row: Selectable<BookingsTable>; created: boolean }
  /**
   * The round's bookings and the session as each of its people sees it, read once after commit for the whole round.
   * Later rounds hold later tickets, so they cannot change a position read here.
   */
  type RoundAnswers = { rows: BookingRow[]; seenBy: Awaited<ReturnType<typeof findSessionForBookings>> }

  function joinRound(user: User, sessionId: string): Promise<{ answers: RoundAnswers; mine: BookingRow }> {
    const open = rounds.get(sessionId)
    if (open) {
      open.users.push(user)
      const index = open.users.length - 1
      return open.done.then((answers) => ({ answers, mine: answers.rows[index]! }))
    }
    const round = { users: [user], done: Promise.resolve<RoundAnswers>({ rows: [], seenBy: () => null }) }
    round.done = inTurn(sessionId, () => {
      rounds.delete(sessionId) // later arrivals start the next round
      return db.transaction().execute(async (trx) => bookRound(trx, await lockSession(trx, sessionId), round.users))
    }).then(async (rows) => ({
      rows,
      seenBy: await findSessionForBookings(
        db,
        sessionId,
        rows.map((r) => r.row.id),
      ),
    }))
    rounds.set(sessionId, round)
    return round.done.then((answers) => ({ answers, mine: answers.rows[0]! }))
  }

  async function bookRound(trx: Trx, session: SessionRow, users: User[]): Promise<BookingRow[]> {
    if (session.status === 'cancelled') throw sessionCancelled()
    const now = clock()
    if (now.getTime() >= Date.parse(session.starts_at)) throw bookingClosed()
    const at = now.toISOString()

    const held = new Map(
      (
        await trx
          .selectFrom('bookings')
          .selectAll()
          .where('session_id', '=', session.id)
          .where('user_id', 'in', [...new Set(users.map((u) => u.id))])
          .execute()
      ).map((row) => [row.user_id, { row, created: false }]),
    )
    const written: Selectable<BookingsTable>[] = []
    const results = users.map((user): BookingRow => {
      const mine = held.get(user.id)
      // The same person twice (a double tap) gets the same booking back.
      if (mine && mine.row.status !== 'cancelled') return { row: mine.row, created: false }
      const decision = takeSeat(session)
      const row = {
        id: mine?.row.id ?? newId('bk'),
        session_id: session.id,
        user_id: user.id,
        status: decision.status,
        waitlist_ticket: decision.status === 'waitlisted' ? decision.ticket : null,
        checked_in_at: null,
        checkin_verified: 0 as const,
        created_at: mine?.row.created_at ?? at,
        updated_at: at,
      }
      written.push(row)
      held.set(user.id, { row, created: true })
      return { row, created: true }
    })
    if (written.length === 0) return results

    await trx
      .insertInto('bookings')
      .values(written)
      // A booking cancelled earlier is taken up again under its own id.
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          status: eb.ref('excluded.status'),
          waitlist_ticket: eb.ref('excluded.waitlist_ticket'),
          checked_in_at: null,
          checkin_verified: 0,
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute()
    await saveSeatCounts(trx, session)
    await enqueueNotices(
      trx,
      written.map((row) => ({
        userId: row.user_id,
        kind: row.status === 'confirmed' ? 'booking_confirmed' : 'booking_waitlisted',
        dedupeKey: `booking:${row.id}:${at}`,
        payload: { sessionId: session.id, startsAt: session.starts_at },
      })),
      at,
    )
    return results
  }

  /**
   * Books a seat or a waitlist place and answers with the booking and the session as the person sees it from
   * `origin`; the same person again gets the same booking back.
   */
  async function book(
    user: User,
    sessionId: string,
    origin: Origin | undefined,
  ): Promise<{ booking: Booking; session: LectureSession; created: boolean }> {
    const { answers, mine } = await joinRound(user, sessionId)
    const seen = answers.seenBy(mine.row.id, origin)
    if (!seen) throw notFound.session()
    return { ...seen, created: mine.created }
  }

  /** Gives the seat (or waitlist place) back; a freed seat goes straight to the head of the waitlist. */
  async function cancel(user: User, sessionId: string): Promise<Booking> {
    return underSessionLock(sessionId, async (trx, session) => {
      const now = clock()
      const given = await giveSeatBack(trx, session, user.id, now.toISOString(), () => {
        if (now.getTime() >= Date.parse(session.starts_at)) throw bookingClosed()
      })
      if (!given) throw notFound.booking()
      return { id: given.id, sessionId, status: 'cancelled' as const, checkedIn: false }
    })
  }

  /** Staff edits: times, place, capacity, speaker. Capacity may not drop below the seats already given. */
  async function reschedule(actor: User, sessionId: string, patch: z.output<typeof sessionPatchSchema>): Promise<void> {
    await underSessionLock(sessionId, async (trx, session) => {
      await assertSessionInScope(trx, actor, sessionId)
      await changeSession(trx, actor, session, patch, clock())
    })
  }

  async function cancelSession(actor: User, sessionId: string, reason: string | undefined): Promise<void> {
    await underSessionLock(sessionId, async (trx, session) => {
      await assertSessionInScope(trx, actor, sessionId)
      if (session.status === 'cancelled') throw sessionCancelled()
      const at = clock().toISOString()
      await trx
        .updateTable('lecture_sessions')
        .set({ status: 'cancelled', updated_at: at })
        .where('id', '=', sessionId)
        .execute()
      const people = await attendees(trx, sessionId)
      await enqueueNotices(
        trx,
        people.map((userId): Notice => ({
          userId,
          kind: 'session_cancelled',
          dedupeKey: `session_cancelled:${sessionId}:${userId}`,
          payload: { sessionId, startsAt: session.starts_at, reason: reason ?? null },
        })),
        at,
      )
      await recordChange(trx, {
        actorId: actor.id,
        entity: 'lecture_session',
        entityId: sessionId,
        action: 'cancel',
        detail: { reason },
        at,
      })
    })
  }

  return { book, cancel, reschedule, cancelSession }
}
