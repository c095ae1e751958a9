import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Config } from '../../config.js'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import type { AuthSessions } from '../auth/auth-sessions.js'
import { browserOf } from './browser.js'
import { createDeskCommands } from './commands.js'
import {
  deskPollBodySchema,
  deskPollResponseSchema,
  deskTicketCreatedSchema,
  deskTicketParamsSchema,
  deskTicketSchema,
} from './schemas.js'

const STAFF = ['staff'] as const

/** 扫码登录: a computer shows a code, a staff member's phone approves it, the computer collects a session. */
export const deskRoutes =
  (config: Config, db: Db, authSessions: AuthSessions, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const desk = createDeskCommands(db, authSessions, clock, config.DESK_TICKET_SECONDS)

    app.post(
      '/api/auth/desk',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Make a sign-in code for the desk',
          tags: ['auth'],
          description:
            `A code for a computer to show; valid DESK_TICKET_SECONDS (${config.DESK_TICKET_SECONDS} s here), single use. ` +
            'The desk keeps `secret` and polls with it; the code encodes only `qrText`.',
          response: { 201: deskTicketCreatedSchema },
        },
      },
      async (request, reply) =>
        reply.status(201).send(await desk.createTicket(browserOf(request.headers['user-agent']))),
    )

    app.get(
      '/api/auth/desk/:ticket',
      {
        config: { access: STAFF },
        schema: {
          summary: 'What a desk sign-in code is',
          tags: ['auth'],
          description: 'For the phone’s confirm screen: which browser asked, when its code was made, and its state.',
          errors: [404],
          params: deskTicketParamsSchema,
          response: { 200: deskTicketSchema },
        },
      },
      async (request) => desk.describeTicket(request.params.ticket),
    )

    app.post(
      '/api/auth/desk/:ticket/approve',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Approve a desk sign-in code',
          tags: ['auth'],
          description:
            'Staff only. The desk that shows this code gets a new session of the approver on its next poll. ' +
            '409 DESK_CODE_EXPIRED or DESK_CODE_USED when the code can no longer be approved.',
          errors: [404, 409],
          params: deskTicketParamsSchema,
          response: { 200: deskTicketSchema },
        },
      },
      async (request) => desk.approve(signedIn(request.user), request.params.ticket),
    )

    app.post(
      '/api/auth/desk/:ticket/poll',
      {
        config: { access: 'public' },
        schema: {
          summary: 'Ask whether a desk sign-in code was approved',
          tags: ['auth'],
          description:
            'With the secret from the code’s creation. Exactly one answer carries `token` (a new session of the ' +
            'approver); later ones say `used`. A wrong secret is 403 and reveals nothing.',
          errors: [403, 404],
          params: deskTicketParamsSchema,
          body: deskPollBodySchema,
          response: { 200: deskPollResponseSchema },
        },
      },
      async (request) => desk.poll(request.params.ticket, request.body.secret),
    )
  }
