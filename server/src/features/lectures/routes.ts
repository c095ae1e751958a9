import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { toCsv } from '../../shared/csv.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema, originOf, originQuerySchema, type Origin } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import { findGuesthouses } from '../guesthouses/queries.js'
import { guesthouseSchema } from '../guesthouses/schemas.js'
import { createBookingDesk } from './booking.js'
import { sessionCalendar } from './calendar.js'
import { createLectureCommands } from './commands.js'
import { findAttendance, findFeedbackSummary, findMyBookings, findSessions } from './queries.js'
import {
  attendanceResponseSchema,
  bookingResponseSchema,
  checkinCodeResponseSchema,
  checkinResponseSchema,
  checkinSchema,
  feedbackResponseSchema,
  feedbackSchema,
  feedbackSummaryResponseSchema,
  myBookingsQuerySchema,
  myBookingsResponseSchema,
  sessionCalendarQuerySchema,
  sessionCancelSchema,
  sessionCreateSchema,
  sessionListQuerySchema,
  sessionListResponseSchema,
  sessionPatchSchema,
  sessionResponseSchema,
  sessionSchema,
} from './schemas.js'

const STAFF = ['staff'] as const
const tags = ['lectures']

export const lectureRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const desk = createBookingDesk(db, clock)
    const commands = createLectureCommands(db, clock)

    const oneSession = async (id: string, user: User | null, origin?: Origin) => {
      const [session] = await findSessions(db, { id }, user?.id ?? null, origin)
      if (!session) throw notFound.session()
      return { session }
    }

    app.get(
      '/api/guesthouses/:id',
      {
        config: { access: 'public' },
        schema: {
          summary: 'A guesthouse and its sessions',
          errors: [404],
          tags,
          params: idParamsSchema,
          querystring: originQuerySchema,
          response: { 200: z.object({ guesthouse: guesthouseSchema, sessions: z.array(sessionSchema) }) },
        },
      },
      async (request) => {
        const origin = originOf(request.query)
        const [guesthouse] = await findGuesthouses(db, origin, request.params.id)
        if (!guesthouse) throw notFound.guesthouse()
        const sessions = await findSessions(
          db,
          { guesthouseId: guesthouse.id, from: clock().toISOString() },
          request.user?.id ?? null,
          origin,
        )
        return { guesthouse, sessions }
      },
    )

    app.get(
      '/api/lectures/sessions',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Upcoming sessions',
          tags,
          querystring: sessionListQuerySchema,
          response: { 200: sessionListResponseSchema },
        },
      },
      async (request) => {
        const { from, topicId, guesthouseId, limit } = request.query
        const filter = {
          from: from ? new Date(from).toISOString() : clock().toISOString(),
          topicId,
          guesthouseId,
          limit,
        }
        return { items: await findSessions(db, filter, request.user?.id ?? null, originOf(request.query)) }
      },
    )

    app.get(
      '/api/lectures/sessions/:id',
      {
        config: { access: 'public' },
        schema: {
          summary: 'A session',
          errors: [404],
          tags,
          params: idParamsSchema,
          querystring: originQuerySchema,
          response: { 200: sessionResponseSchema },
        },
      },
      async (request) => oneSession(request.params.id, request.user, originOf(request.query)),
    )

    app.get(
      '/api/lectures/sessions/:id.ics',
      {
        config: { access: 'public' },
        schema: {
          summary: 'A session as an iCalendar event, for the phone’s calendar',
          errors: [404],
          tags,
          params: idParamsSchema,
          querystring: sessionCalendarQuerySchema,
          produces: ['text/calendar'],
          response: {
            200: z.string().describe('One VEVENT on Asia/Shanghai time, with the place and a link back to the session'),
          },
        },
      },
      async (request, reply) => {
        const { session } = await oneSession(request.params.id, null)
        reply
          .type('text/calendar; charset=utf-8')
          .header('content-disposition', `attachment; filename="lecture-${session.id}.ics"`)
        const origin = `${request.protocol}://${request.host}`
        return sessionCalendar(session, { origin, language: request.query.lang, stamp: clock() })
      },
    )

    app.post(
      '/api/lectures/sessions',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Schedule a session (staff)',
          errors: [404],
          tags: [...tags, 'staff'],
          body: sessionCreateSchema,
          response: { 201: sessionResponseSchema },
        },
      },
      async (request, reply) => {
        const id = await commands.scheduleSession(signedIn(request.user), request.body)
        return reply.status(201).send(await oneSession(id, null))
      },
    )

    app.patch(
      '/api/lectures/sessions/:id',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Change a session (staff)',
          errors: [404, 409],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          body: sessionPatchSchema,
          response: { 200: sessionResponseSchema },
        },
      },
      async (request) => {
        await desk.reschedule(signedIn(request.user), request.params.id, request.body)
        return oneSession(request.params.id, null)
      },
    )

    app.post(
      '/api/lectures/sessions/:id/cancel',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Cancel a session (staff)',
          errors: [404, 409],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          body: sessionCancelSchema,
          response: { 200: sessionResponseSchema },
        },
      },
      async (request) => {
        await desk.cancelSession(signedIn(request.user), request.params.id, request.body.reason)
        return oneSession(request.params.id, null)
      },
    )

    app.post(
      '/api/lectures/sessions/:id/bookings',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Book a seat',
          errors: [404, 409],
          tags,
          description:
            'Book a seat: confirmed, or waitlisted with a position when full. The same person again gets 200 and the same booking.',
          params: idParamsSchema,
          querystring: originQuerySchema,
          response: { 200: bookingResponseSchema, 201: bookingResponseSchema },
        },
      },
      async (request, reply) => {
        const user = signedIn(request.user)
        const { booking, session, created } = await desk.book(user, request.params.id, originOf(request.query))
        return reply.status(created ? 201 : 200).send({ booking, session })
      },
    )

    app.delete(
      '/api/lectures/sessions/:id/bookings/me',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Cancel my booking',
          errors: [404, 409],
          tags,
          params: idParamsSchema,
          querystring: originQuerySchema,
          response: { 200: bookingResponseSchema },
        },
      },
      async (request) => {
        const user = signedIn(request.user)
        const booking = await desk.cancel(user, request.params.id)
        return { booking, ...(await oneSession(request.params.id, user, originOf(request.query))) }
      },
    )

    app.get(
      '/api/me/bookings',
      {
        config: { access: 'user' },
        schema: {
          summary: 'My bookings',
          tags,
          querystring: myBookingsQuerySchema,
          response: { 200: myBookingsResponseSchema },
        },
      },
      async (request) => ({ items: await findMyBookings(db, signedIn(request.user).id, request.query.scope, clock()) }),
    )

    app.get(
      '/api/lectures/sessions/:id/checkin-code',
      {
        config: { access: STAFF },
        schema: {
          summary: 'The rotating check-in code (staff)',
          errors: [404],
          tags: [...tags, 'staff'],
          description: 'The rotating check-in code to show as a QR code at the guesthouse.',
          params: idParamsSchema,
          response: { 200: checkinCodeResponseSchema },
        },
      },
      async (request) => commands.checkinCode(signedIn(request.user), request.params.id),
    )

    app.post(
      '/api/lectures/sessions/:id/checkins',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Check in at a session',
          errors: [403, 404, 409],
          tags,
          description:
            'Check in with the code shown at the guesthouse. With lat/lng (GCJ-02) further than 500 m away: ' +
            '403 TOO_FAR_TO_CHECK_IN; without them the check-in counts but is marked unverified.',
          params: idParamsSchema,
          body: checkinSchema,
          response: { 200: checkinResponseSchema, 201: checkinResponseSchema },
        },
      },
      async (request, reply) => {
        const user = signedIn(request.user)
        const { first, ...result } = await commands.checkIn(user, request.params.id, request.body)
        const { session } = await oneSession(request.params.id, user, originOf(request.body))
        return reply.status(first ? 201 : 200).send({ ...result, session })
      },
    )

    app.post(
      '/api/lectures/sessions/:id/feedback',
      {
        config: { access: 'user' },
        schema: {
          summary: 'Give feedback on a session',
          errors: [404, 409],
          tags,
          params: idParamsSchema,
          querystring: originQuerySchema,
          body: feedbackSchema,
          response: { 201: feedbackResponseSchema },
        },
      },
      async (request, reply) => {
        const user = signedIn(request.user)
        await app.checkText({ 评价: request.body.comment }, user.id)
        const feedback = await commands.giveFeedback(user, request.params.id, request.body)
        return reply
          .status(201)
          .send({ ...feedback, ...(await oneSession(request.params.id, user, originOf(request.query))) })
      },
    )

    app.get(
      '/api/lectures/sessions/:id/attendance',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Attendance of a session (staff)',
          errors: [404],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          response: { 200: attendanceResponseSchema },
        },
      },
      async (request) => ({ items: await findAttendance(db, signedIn(request.user), request.params.id) }),
    )

    app.get(
      '/api/lectures/sessions/:id/attendance.csv',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Attendance as CSV (staff)',
          errors: [404],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          produces: ['text/csv'],
          response: { 200: z.string().describe('One row per person booked, with a header row') },
        },
      },
      async (request, reply) => {
        const rows = await findAttendance(db, signedIn(request.user), request.params.id)
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="attendance-${request.params.id}.csv"`)
        return toCsv([
          ['昵称 Nickname', '状态 Status', '候补位置 Waitlist', '签到时间 Checked in', '到场定位 Location verified'],
          ...rows.map((r) => [
            r.nickname,
            r.status,
            r.position,
            r.checkedInAt,
            r.checkedInAt === null ? null : r.locationVerified ? '是 yes' : '否 no',
          ]),
        ])
      },
    )

    app.get(
      '/api/lectures/feedback/summary',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Feedback by topic and speaker (staff)',
          tags: [...tags, 'staff'],
          response: { 200: feedbackSummaryResponseSchema },
        },
      },
      async () => findFeedbackSummary(db),
    )
  }
