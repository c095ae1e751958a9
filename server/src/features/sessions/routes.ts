import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema, originOf, originQuerySchema, type Origin } from '../../shared/params.js'
import type { User } from '../auth/schemas.js'
import { findGuesthouses } from '../guesthouses/queries.js'
import { guesthouseSchema } from '../guesthouses/schemas.js'
import { attendanceRoutes } from './attendance-routes.js'
import { createBookingDesk } from './booking.js'
import { sessionCalendar } from './calendar.js'
import { createSessionCommands } from './commands.js'
import { findSession, findSessions } from './queries.js'
import {
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

/** Sessions on the calendar: listed, shown (and as .ics), scheduled, changed and cancelled by staff. */
export const sessionRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const desk = createBookingDesk(db, clock)
    const commands = createSessionCommands(db, clock)

    const oneSession = async (id: string, user: User | null, origin?: Origin) => ({
      session: await findSession(db, id, user?.id ?? null, origin),
    })

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

    await app.register(attendanceRoutes(db, clock, desk))
  }
