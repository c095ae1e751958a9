import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { toCsv } from '../../shared/csv.js'
import { idParamsSchema, originOf, originQuerySchema, type Origin } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import type { createBookingDesk } from './booking.js'
import { createSessionCommands } from './commands.js'
import { findAttendance, findFeedbackSummary, findMyBookings, findSession } from './queries.js'
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
} from './schemas.js'

const STAFF = ['staff'] as const
const tags = ['lectures']

/**
 * What people do with a session — book a seat or a waitlist place, check in, give feedback — and what staff read of
 * it afterwards (attendance, feedback averages). Registered by the sessions routes, which hand over their booking
 * desk: every seat decision for a session goes through the one desk, in turn.
 */
export const attendanceRoutes =
  (db: Db, clock: () => Date, desk: ReturnType<typeof createBookingDesk>): FastifyPluginAsyncZod =>
  async (app) => {
    const commands = createSessionCommands(db, clock)
    const oneSession = async (id: string, user: User, origin: Origin | undefined) => ({
      session: await findSession(db, id, user.id, origin),
    })

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
