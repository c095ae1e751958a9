import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../db/index.js'
import { signedIn } from '../../shared/access.js'
import { notFound } from '../../shared/not-found.js'
import { idParamsSchema, originOf, originQuerySchema } from '../../shared/params.js'
import { createGuesthouseCommands } from './commands.js'
import { findGuesthouses } from './queries.js'
import {
  guesthouseFieldsSchema,
  guesthouseListResponseSchema,
  guesthousePatchSchema,
  guesthouseResponseSchema,
} from './schemas.js'

const STAFF = ['staff'] as const
/** Guesthouses are where micro-lectures are held: the document lists them with the lectures. */
const tags = ['lectures']

/** The places that host lectures. A guesthouse's own page, with its sessions, is served by the sessions feature. */
export const guesthouseRoutes =
  (db: Db, clock: () => Date): FastifyPluginAsyncZod =>
  async (app) => {
    const commands = createGuesthouseCommands(db, clock)
    const oneGuesthouse = async (id: string) => {
      const [guesthouse] = await findGuesthouses(db, undefined, id)
      if (!guesthouse) throw notFound.guesthouse()
      return { guesthouse }
    }

    app.get(
      '/api/guesthouses',
      {
        config: { access: 'public' },
        schema: {
          summary: 'The guesthouses',
          tags,
          querystring: originQuerySchema,
          response: { 200: guesthouseListResponseSchema },
        },
      },
      async (request) => ({ items: await findGuesthouses(db, originOf(request.query)) }),
    )

    app.post(
      '/api/guesthouses',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Add a guesthouse (staff)',
          tags: [...tags, 'staff'],
          body: guesthouseFieldsSchema,
          response: { 201: guesthouseResponseSchema },
        },
      },
      async (request, reply) =>
        reply
          .status(201)
          .send(await oneGuesthouse(await commands.createGuesthouse(signedIn(request.user), request.body))),
    )

    app.patch(
      '/api/guesthouses/:id',
      {
        config: { access: STAFF },
        schema: {
          summary: 'Change a guesthouse (staff)',
          errors: [404],
          tags: [...tags, 'staff'],
          params: idParamsSchema,
          body: guesthousePatchSchema,
          response: { 200: guesthouseResponseSchema },
        },
      },
      async (request) => {
        await commands.updateGuesthouse(signedIn(request.user), request.params.id, request.body)
        return oneGuesthouse(request.params.id)
      },
    )
  }
