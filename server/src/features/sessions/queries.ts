import type { Selectable } from 'kysely'
import type { Db } from '../../db/index.js'
import type { BookingsTable } from '../../db/schema.js'
import { notFound } from '../../shared/not-found.js'
import type { Origin } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import { toGuesthouse } from '../guesthouses/queries.js'
import { checkinWindow } from '../../shared/checkin-code.js'
import { assertSessionInScope } from './scope.js'
import type { Booking, LectureSession } from './schemas.js'

export interface SessionFilter {
  id?: string
  from?: string
  topicId?: string
  guesthouseId?: string
  limit?: number
}

type SessionRow = Awaited<ReturnType<ReturnType<typeof selectSessions>['executeTakeFirstOrThrow']>>

/** Sessions with their topic, their guesthouse and the length of their waitlist, in one query. */
function selectSessions(db: Db) {
  return db
    .selectFrom('lecture_sessions as s')
    .innerJoin('lecture_topics as t', 't.id', 's.topic_id')
    .innerJoin('guesthouses as g', 'g.id', 's.guesthouse_id')
    .select((eb) => [
      's.id',
      's.topic_id',
      't.title',
      't.title_en',
      's.speaker',
      's.starts_at',
      's.ends_at',
      's.status',
      's.capacity',
      's.confirmed_count',
      'g.id as g_id',
      'g.name as g_name',
      'g.community_id as g_community_id',
      'g.address as g_address',
      'g.lat as g_lat',
      'g.lng as g_lng',
      'g.rooms_note as g_rooms_note',
      'g.photos_json as g_photos_json',
      eb
        .selectFrom('bookings as w')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('w.session_id', '=', 's.id')
        .where('w.status', '=', 'waitlisted')
        .as('waitlist_count'),
    ])
}

function toSession(r: SessionRow, origin: Origin | undefined): Omit<LectureSession, 'myBooking'> {
  const capacity = Number(r.capacity)
  const confirmed = Number(r.confirmed_count)
  return {
    id: r.id,
    topicId: r.topic_id,
    topicTitle: r.title,
    topicTitleEn: r.title_en,
    guesthouse: toGuesthouse(
      {
        id: r.g_id,
        name: r.g_name,
        community_id: r.g_community_id,
        address: r.g_address,
        lat: r.g_lat,
        lng: r.g_lng,
        rooms_note: r.g_rooms_note,
        photos_json: r.g_photos_json,
      },
      origin,
    ),
    speaker: r.speaker,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status,
    capacity,
    confirmedCount: confirmed,
    waitlistCount: Number(r.waitlist_count),
    seatsLeft: Math.max(0, capacity - confirmed),
    ...checkinWindow(r.starts_at, r.ends_at),
  }
}

/**
 * Bookings with their place on the waitlist (1 = next to get a seat): the waitlisted bookings of the same session
 * holding a ticket up to this one's, counted in the same query (a correlated subquery, the same on SQLite and
 * PostgreSQL). Tickets only grow, so a booking's place is its rank among the tickets still waiting.
 */
function selectBookings(db: Db) {
  return db
    .selectFrom('bookings as b')
    .selectAll('b')
    .select((eb) =>
      eb
        .selectFrom('bookings as ahead')
        .select((e) => e.fn.countAll().as('n'))
        .whereRef('ahead.session_id', '=', 'b.session_id')
        .where('ahead.status', '=', 'waitlisted')
        .whereRef('ahead.waitlist_ticket', '<=', 'b.waitlist_ticket')
        .as('waitlist_position'),
    )
}

type BookingRow = Pick<
  Selectable<BookingsTable>,
  'id' | 'session_id' | 'status' | 'waitlist_ticket' | 'checked_in_at'
> & {
  waitlist_position: unknown
}

function toBooking(row: BookingRow): Booking {
  return {
    id: row.id,
    sessionId: row.session_id,
    status: row.status,
    ...(row.status === 'waitlisted' && row.waitlist_ticket !== null ? { position: Number(row.waitlist_position) } : {}),
    checkedIn: row.checked_in_at !== null,
  }
}

/** Which of these bookings' holders left feedback on the booking's session, as `user:session` keys. */
async function findReviewed(db: Db, bookings: { user_id: string; session_id: string }[]): Promise<Set<string>> {
  if (!bookings.length) return new Set()
  const rows = await db
    .selectFrom('lecture_feedback')
    .select(['user_id', 'session_id'])
    .where('user_id', 'in', [...new Set(bookings.map((b) => b.user_id))])
    .where('session_id', 'in', [...new Set(bookings.map((b) => b.session_id))])
    .execute()
  return new Set(rows.map((f) => `${f.user_id}:${f.session_id}`))
}

function myBookingOf(
  booking: (BookingRow & { user_id: string }) | undefined,
  reviewed: Set<string>,
): LectureSession['myBooking'] {
  if (!booking) return null
  const view = toBooking(booking)
  if (view.status === 'cancelled') return null
  return {
    id: view.id,
    status: view.status,
    position: view.position ?? null,
    checkedIn: view.checkedIn,
    feedbackGiven: reviewed.has(`${booking.user_id}:${booking.session_id}`),
  }
}

export async function findSessions(
  db: Db,
  filter: SessionFilter,
  userId: string | null,
  origin: Origin | undefined,
): Promise<LectureSession[]> {
  let query = selectSessions(db).orderBy('s.starts_at').orderBy('s.id')
  if (filter.id) query = query.where('s.id', '=', filter.id)
  if (filter.from) query = query.where('s.ends_at', '>', filter.from)
  if (filter.topicId) query = query.where('s.topic_id', '=', filter.topicId)
  if (filter.guesthouseId) query = query.where('s.guesthouse_id', '=', filter.guesthouseId)
  if (filter.limit) query = query.limit(filter.limit)
  const rows = await query.execute()

  const mine =
    userId && rows.length
      ? await selectBookings(db)
          .where('b.user_id', '=', userId)
          .where('b.status', '!=', 'cancelled')
          .where(
            'b.session_id',
            'in',
            rows.map((r) => r.id),
          )
          .execute()
      : []
  const reviewed = await findReviewed(db, mine)
  return rows.map((r) => ({
    ...toSession(r, origin),
    myBooking: myBookingOf(
      mine.find((b) => b.session_id === r.id),
      reviewed,
    ),
  }))
}

/** One session as `userId` sees it (their booking, their distance from `origin`); 404 when there is none. */
export async function findSession(
  db: Db,
  id: string,
  userId: string | null,
  origin: Origin | undefined,
): Promise<LectureSession> {
  const [session] = await findSessions(db, { id }, userId, origin)
  if (!session) throw notFound.session()
  return session
}

/**
 * A session as each holder of these bookings sees it, with their booking, read once for all of them: a round of
 * bookings answers its thousand people with three queries instead of four each. Each person's distance to the
 * guesthouse is worked out from their own origin.
 */
export async function findSessionForBookings(db: Db, sessionId: string, bookingIds: string[]) {
  const [row, bookings] = await Promise.all([
    selectSessions(db).where('s.id', '=', sessionId).executeTakeFirst(),
    selectBookings(db)
      .where('b.id', 'in', [...new Set(bookingIds)])
      .execute(),
  ])
  const reviewed = await findReviewed(db, bookings)
  const byId = new Map(bookings.map((b) => [b.id, b]))
  return (bookingId: string, origin: Origin | undefined): { booking: Booking; session: LectureSession } | null => {
    const booking = byId.get(bookingId)
    if (!row || !booking) return null
    return {
      booking: toBooking(booking),
      session: { ...toSession(row, origin), myBooking: myBookingOf(booking, reviewed) },
    }
  }
}

/** A person's bookings with their sessions, in one query: the session and the waitlist place alongside each. */
export async function findMyBookings(
  db: Db,
  userId: string,
  scope: 'upcoming' | 'past' | 'waitlisted' | undefined,
  now: Date,
) {
  const at = now.toISOString()
  const rows = await selectSessions(db)
    .innerJoin(selectBookings(db).as('b'), 'b.session_id', 's.id')
    .select([
      'b.id as b_id',
      'b.session_id as b_session_id',
      'b.status as b_status',
      'b.waitlist_ticket as b_waitlist_ticket',
      'b.checked_in_at as b_checked_in_at',
      'b.waitlist_position as b_waitlist_position',
    ])
    .where('b.user_id', '=', userId)
    .where('b.status', '!=', 'cancelled')
    .$if(scope === 'upcoming', (q) => q.where('s.ends_at', '>', at).where('b.status', '=', 'confirmed'))
    .$if(scope === 'past', (q) => q.where('s.ends_at', '<=', at))
    .$if(scope === 'waitlisted', (q) => q.where('b.status', '=', 'waitlisted').where('s.starts_at', '>', at))
    .orderBy('s.starts_at', scope === 'past' ? 'desc' : 'asc')
    .limit(100)
    .execute()
  return rows.map((r) => ({
    ...toBooking({
      id: r.b_id,
      session_id: r.b_session_id,
      status: r.b_status,
      waitlist_ticket: r.b_waitlist_ticket,
      checked_in_at: r.b_checked_in_at,
      waitlist_position: r.b_waitlist_position,
    }),
    session: toSession(r, undefined),
  }))
}

/** The people of a session, for staff who act for its guesthouse's community. */
export async function findAttendance(db: Db, viewer: User, sessionId: string) {
  await assertSessionInScope(db, viewer, sessionId)
  const rows = await db
    .selectFrom('bookings as b')
    .innerJoin('users as u', 'u.id', 'b.user_id')
    .select(['u.nickname', 'b.status', 'b.waitlist_ticket', 'b.checked_in_at', 'b.checkin_verified'])
    .where('b.session_id', '=', sessionId)
    .where('b.status', '!=', 'cancelled')
    .orderBy('b.status')
    .orderBy('b.waitlist_ticket')
    .orderBy('b.created_at')
    .execute()
  let waiting = 0
  return rows.map((r) => ({
    nickname: r.nickname,
    status: r.status,
    position: r.status === 'waitlisted' ? ++waiting : null,
    checkedInAt: r.checked_in_at,
    locationVerified: r.checked_in_at !== null && Number(r.checkin_verified) === 1,
  }))
}

export async function findFeedbackSummary(db: Db) {
  const byTopic = await db
    .selectFrom('lecture_feedback as f')
    .innerJoin('lecture_sessions as s', 's.id', 'f.session_id')
    .innerJoin('lecture_topics as t', 't.id', 's.topic_id')
    .select((eb) => ['t.id', 't.title', eb.fn.avg<number>('f.rating').as('average'), eb.fn.countAll().as('count')])
    .groupBy(['t.id', 't.title'])
    .execute()
  const bySpeaker = await db
    .selectFrom('lecture_feedback as f')
    .innerJoin('lecture_sessions as s', 's.id', 'f.session_id')
    .select((eb) => ['s.speaker', eb.fn.avg<number>('f.rating').as('average'), eb.fn.countAll().as('count')])
    .where('s.speaker', 'is not', null)
    .groupBy('s.speaker')
    .execute()
  const round = (v: unknown) => Math.round(Number(v) * 100) / 100
  return {
    byTopic: byTopic.map((r) => ({ topicId: r.id, title: r.title, average: round(r.average), count: Number(r.count) })),
    bySpeaker: bySpeaker.map((r) => ({ speaker: r.speaker ?? '', average: round(r.average), count: Number(r.count) })),
  }
}
