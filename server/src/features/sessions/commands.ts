import type { z } from 'zod'
import type { Db } from '../../db/index.js'
import { ApiError, errors } from '../../shared/errors.js'
import { notFound } from '../../shared/not-found.js'
import type { User } from '../auth/schemas.js'
import { checkinWindow, issueCheckinCode, locationVerified, verifyCheckinCode } from '../../shared/checkin-code.js'
import { insertSession } from './edits.js'
import { assertSessionInScope } from './scope.js'
import type { checkinSchema, feedbackSchema, sessionCreateSchema } from './schemas.js'

export function createSessionCommands(db: Db, clock: () => Date) {
  /** Schedules a session and tells every resident who ordered its topic. */
  async function scheduleSession(actor: User, input: z.output<typeof sessionCreateSchema>): Promise<string> {
    return db.transaction().execute((trx) => insertSession(trx, actor, input, clock()))
  }

  async function sessionForCheckin(sessionId: string) {
    const session = await db
      .selectFrom('lecture_sessions as s')
      .innerJoin('guesthouses as g', 'g.id', 's.guesthouse_id')
      .select(['s.id', 's.starts_at', 's.ends_at', 's.status', 's.checkin_secret', 'g.lat', 'g.lng'])
      .where('s.id', '=', sessionId)
      .executeTakeFirst()
    if (!session) throw notFound.session()
    return session
  }

  async function checkinCode(actor: User, sessionId: string) {
    await assertSessionInScope(db, actor, sessionId)
    const session = await sessionForCheckin(sessionId)
    return issueCheckinCode(session.id, session.checkin_secret, clock())
  }

  /**
   * Records attendance for a confirmed booking, only with this session's current code, during its window and, when
   * the attendee gives their position, near the guesthouse.
   */
  async function checkIn(user: User, sessionId: string, input: z.output<typeof checkinSchema>) {
    const session = await sessionForCheckin(sessionId)
    const now = clock()
    verifyCheckinCode(input.code, session.id, session.checkin_secret, now)
    const { checkInOpensAt, checkInClosesAt } = checkinWindow(session.starts_at, session.ends_at)
    const open = Date.parse(checkInOpensAt) <= now.getTime() && now.getTime() <= Date.parse(checkInClosesAt)
    if (session.status === 'cancelled' || !open) {
      throw errors.conflict(
        'CHECKIN_CLOSED',
        '不在签到时间内（开讲前 30 分钟至结束）',
        'Check-in is open from 30 minutes before the start until the end',
      )
    }
    const booking = await db
      .selectFrom('bookings')
      .select(['id', 'status', 'checked_in_at', 'checkin_verified'])
      .where('session_id', '=', sessionId)
      .where('user_id', '=', user.id)
      .executeTakeFirst()
    if (!booking || booking.status !== 'confirmed') {
      throw errors.conflict('NOT_BOOKED', '您没有本场的确认座位', 'You have no confirmed seat for this session')
    }
    if (booking.checked_in_at)
      return {
        checkedInAt: booking.checked_in_at,
        locationVerified: Number(booking.checkin_verified) === 1,
        first: false,
      }
    const position = input.lat !== undefined && input.lng !== undefined ? { lat: input.lat, lng: input.lng } : undefined
    const verified = locationVerified(position, { lat: Number(session.lat), lng: Number(session.lng) })
    const at = now.toISOString()
    await db
      .updateTable('bookings')
      .set({ checked_in_at: at, checkin_verified: verified ? 1 : 0 })
      .where('id', '=', booking.id)
      .where('checked_in_at', 'is', null)
      .execute()
    return { checkedInAt: at, locationVerified: verified, first: true }
  }

  /** Feedback from people who attended, once each. */
  async function giveFeedback(user: User, sessionId: string, input: z.output<typeof feedbackSchema>) {
    const booking = await db
      .selectFrom('bookings')
      .select('checked_in_at')
      .where('session_id', '=', sessionId)
      .where('user_id', '=', user.id)
      .executeTakeFirst()
    if (!booking?.checked_in_at) {
      throw errors.conflict('NOT_ATTENDED', '签到参加后才能评价', 'Only people who checked in can give feedback')
    }
    const inserted = await db
      .insertInto('lecture_feedback')
      .values({
        session_id: sessionId,
        user_id: user.id,
        rating: input.rating,
        comment: input.comment,
        created_at: clock().toISOString(),
      })
      .onConflict((oc) => oc.columns(['session_id', 'user_id']).doNothing())
      .executeTakeFirst()
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
      throw new ApiError(
        409,
        'FEEDBACK_EXISTS',
        '您已评价过本场讲座',
        'You have already given feedback for this session',
      )
    }
    return { rating: input.rating, comment: input.comment }
  }

  return {
    scheduleSession,
    checkinCode,
    checkIn,
    giveFeedback,
  }
}
